"""`python -m festival_audit`: the audit service process (gRPC, relay, the log's tree) until SIGTERM."""

from __future__ import annotations

import asyncio

from festival_audit.adapters import servicer
from festival_audit.application import AuditApplication
from festival_kit.runtime import ServiceRuntime
from festival_kit.settings import Settings


def build(settings: Settings) -> ServiceRuntime:
    app = AuditApplication(settings)
    runtime = ServiceRuntime(app, settings)
    runtime.serve(servicer.register(app), servicer.SERVICE_NAME)
    runtime.background(lambda stop: app.tree.follow(settings.nats(), stop))
    return runtime


def main() -> None:
    asyncio.run(build(Settings()).run())


if __name__ == "__main__":
    main()
