"""Issue 7's season (judging_season.py) on a stack of its own, continued by issue 8's awards (awards_flow.py) and
issue 9's audit of the whole log (audit_flow.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path[:0] = [str(Path(__file__).parents[1]), str(Path(__file__).parent)]
import audit_flow  # noqa: E402
import awards_flow  # noqa: E402
from judging_season import judged_season, wait_until  # noqa: E402
from running import start_stack, stop_stack  # noqa: E402


@pytest.fixture
def stack(tmp_path, port_picker):
    """A stack of its own: this test moves the clock to August and September."""
    running = start_stack(tmp_path / "var", port_picker())
    yield running
    assert stop_stack(running) == 0


@pytest.mark.timeout(900)
async def test_a_season_of_judging_on_the_log(stack, tmp_path, fresh_ports):
    client, works = await judged_season(stack, tmp_path)
    await awards_flow.play(client, stack, works, wait_until)
    await audit_flow.play(client, stack, tmp_path, fresh_ports, wait_until)
