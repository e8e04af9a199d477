"""festival_gateway."""
