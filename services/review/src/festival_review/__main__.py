"""`python -m festival_review`: the review service process (gRPC, relay, consumer) until SIGTERM."""

from __future__ import annotations

import asyncio

from festival_kit.runtime import ServiceRuntime
from festival_kit.settings import Settings
from festival_review.adapters import servicer
from festival_review.adapters.policies import CONSUMER, SUBJECTS
from festival_review.application import ReviewApplication
from festival_review.notifications import install as install_notifications


def build(settings: Settings) -> ServiceRuntime:
    app = ReviewApplication(env=settings.store_env("review"))
    runtime = ServiceRuntime(app, settings)
    runtime.serve(servicer.register(app), servicer.SERVICE_NAME)
    runtime.consume(CONSUMER, SUBJECTS, app.handlers())
    install_notifications(runtime, app)
    return runtime


def main() -> None:
    asyncio.run(build(Settings()).run())


if __name__ == "__main__":
    main()
