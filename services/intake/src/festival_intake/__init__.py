"""festival_intake."""
