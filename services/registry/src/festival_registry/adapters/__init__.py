"""How the registry meets the world: gRPC, the phase scheduler, edition files."""
