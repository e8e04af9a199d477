"""festival_kit."""
