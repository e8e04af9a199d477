"""One media-inspection worker as its own process, configured like `festival up` configures it (environment).

TEST_SLOW_S makes every inspection read the file's first bytes and then wait that long before checking it:
a long film, as far as JetStream and the other workers can tell. TEST_ACK_WAIT_S shortens ack_wait.
"""

from __future__ import annotations

import asyncio
import os
import time

from festival_inspection.worker.adapters.inspector import Inspector
from festival_inspection.worker.service import WorkerConfig, bucket, build
from festival_kit.settings import Settings


class SlowInspector(Inspector):
    """Inspects like any worker, after a pause in the middle of the file."""

    def __init__(self, *args, pause_s: float):
        super().__init__(*args)
        self.pause_s = pause_s

    def inspect(self, upload, source, rules, category):
        if source is not None:
            source.read(1024)
            source.seek(0)
        time.sleep(self.pause_s)
        return super().inspect(upload, source, rules, category)


def main() -> None:
    settings = Settings()
    config = WorkerConfig(ack_wait_s=float(os.environ.get("TEST_ACK_WAIT_S", "60")))
    slow = os.environ.get("TEST_SLOW_S")
    inspector = SlowInspector(bucket(settings), config.budget_s, pause_s=float(slow)) if slow else None
    asyncio.run(build(settings, config, inspector).run())


if __name__ == "__main__":
    main()
