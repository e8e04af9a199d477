"""Scoring's aggregates and rules: pure Python, no adapters."""
