"""Free ports for a bench's stack: tests/conftest.py's picker, loaded by path (tests/e2e has a conftest of its own)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).parents[1]


def pick_ports():
    spec = importlib.util.spec_from_file_location("tests_conftest", ROOT / "tests" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.pick_ports()
