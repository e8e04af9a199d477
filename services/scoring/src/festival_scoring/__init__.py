"""The scoring service: judging rounds, assignments, blind score sheets and results."""
