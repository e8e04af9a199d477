"""The session's stack: one `festival up` shared by the end-to-end tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from running import start_stack, stop_stack  # noqa: E402


@pytest.fixture(scope="session")
def stack(tmp_path_factory, port_picker):
    running = start_stack(tmp_path_factory.mktemp("festival-up"), port_picker())
    yield running
    stop_stack(running)


def pytest_configure(config):
    config.addinivalue_line("markers", "chaos: kill -9s processes of a running stack (bounded; .ci/run runs it)")
