"""The awards domain: the notice's tiers and honours, and the aggregates that decide and record them."""
