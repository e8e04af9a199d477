"""The registry's domain: editions and their phases, regions, schools, accounts. Pure Python."""
