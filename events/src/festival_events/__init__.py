"""festival_events."""
