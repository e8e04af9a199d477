"""festival_registry."""
