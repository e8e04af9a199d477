"""`python -m festival_inspection`: one media-inspection worker (of N sharing one store and one consumer)."""

from __future__ import annotations

import asyncio

from festival_inspection.worker.service import build
from festival_kit.settings import Settings


def main() -> None:
    asyncio.run(build(Settings()).run())


if __name__ == "__main__":
    main()
