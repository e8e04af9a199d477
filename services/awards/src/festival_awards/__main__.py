"""`python -m festival_awards`: the awards service process (gRPC, relay, consumer) until SIGTERM."""

from __future__ import annotations

import asyncio

from festival_awards.adapters import servicer
from festival_awards.adapters.policies import CONSUMER, SUBJECTS
from festival_awards.adapters.reminders import reminder_scheduler
from festival_awards.application import AwardsApplication
from festival_kit.runtime import ServiceRuntime
from festival_kit.settings import Settings


def build(settings: Settings) -> ServiceRuntime:
    app = AwardsApplication(env=settings.store_env("awards"))
    runtime = ServiceRuntime(app, settings)
    runtime.serve(servicer.register(app, settings), servicer.SERVICE_NAME)
    runtime.consume(CONSUMER, SUBJECTS, app.handlers())
    runtime.background(reminder_scheduler(app))
    return runtime


def main() -> None:
    asyncio.run(build(Settings()).run())


if __name__ == "__main__":
    main()
