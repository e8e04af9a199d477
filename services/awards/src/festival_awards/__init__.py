"""The awards service: tiers from the results, honours, verifiable certificates, exhibition lists."""
