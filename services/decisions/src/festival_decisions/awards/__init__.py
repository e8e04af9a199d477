"""Awards: tiers from final scores, the fragility of each award, and who earns the advisors' honour."""
