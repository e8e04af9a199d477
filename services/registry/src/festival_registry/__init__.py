"""The registry service: editions and their phases, regions, schools, accounts and role grants."""
