"""festival_cli."""
