"""`uv run python -m festival_gateway.guide.generate [--check]`: write the error catalogue (errors.json) from the
workspace's source, or fail when the committed one is stale."""

from __future__ import annotations

import sys
from pathlib import Path

from festival_gateway.guide.catalogue import GENERATED, render

COMMAND = "uv run python -m festival_gateway.guide.generate"


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[5]
    fresh = render(root)
    if "--check" in argv:
        if GENERATED.exists() and GENERATED.read_text() == fresh:
            return 0
        print(f"{GENERATED} is stale: run {COMMAND}", file=sys.stderr)
        return 1
    GENERATED.write_text(fresh)
    print(f"wrote {GENERATED}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
