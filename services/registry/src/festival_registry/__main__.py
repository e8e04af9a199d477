"""`python -m festival_registry`: the registry service (gRPC, relay to FESTIVAL, phase scheduler)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from festival_kit.context import Cause, caused_by
from festival_kit.runtime import ServiceRuntime
from festival_kit.settings import Settings
from festival_registry.adapters import edition_file
from festival_registry.adapters.grpc_servicer import FULL_NAME, RegistryServicer
from festival_registry.adapters.scheduler import phase_scheduler
from festival_registry.application import RegistryApplication

EDITION_ENV, EDITION_FILE_ENV, DEMO_ENV = "FESTIVAL_EDITION", "FESTIVAL_EDITION_FILE", "FESTIVAL_SEED_DEMO"


def build(settings: Settings) -> ServiceRuntime:
    """The registry's runtime, its store seeded with the edition (and the demo accounts when asked)."""
    app = RegistryApplication(env=settings.store_env(RegistryApplication.SERVICE))
    path = os.environ.get(EDITION_FILE_ENV) or edition_file.packaged(os.environ.get(EDITION_ENV, "11"))
    with caused_by(Cause()):
        app.seed(Path(path))
        if os.environ.get(DEMO_ENV) == "1":
            app.seed_demo_accounts()
    runtime = ServiceRuntime(app, settings)
    runtime.serve(RegistryServicer(app).add_to, FULL_NAME)
    runtime.background(phase_scheduler(app))
    return runtime


def main() -> None:
    asyncio.run(build(Settings()).run())


if __name__ == "__main__":
    main()
