"""`python -m festival_scoring`: the scoring service process (gRPC, relay, consumer) until SIGTERM."""

from __future__ import annotations

import asyncio

from festival_kit.runtime import ServiceRuntime
from festival_kit.settings import Settings
from festival_scoring.adapters import servicer
from festival_scoring.adapters.links import Links
from festival_scoring.adapters.policies import CONSUMER, SUBJECTS
from festival_scoring.application import ScoringApplication


def build(settings: Settings) -> ServiceRuntime:
    app = ScoringApplication(env=settings.store_env("scoring"))
    runtime = ServiceRuntime(app, settings)
    runtime.serve(servicer.register(app, Links(settings)), servicer.SERVICE_NAME)
    runtime.consume(CONSUMER, SUBJECTS, app.handlers())
    return runtime


def main() -> None:
    asyncio.run(build(Settings()).run())


if __name__ == "__main__":
    main()
