"""The relay publishes every stored event to FESTIVAL once, in order, even when it dies mid-way."""

from __future__ import annotations

import asyncio
import random
import subprocess
import sys
from pathlib import Path

import nats
import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))
from relay_model import CounterApp, fill, sqlite_env  # noqa: E402

from festival_cli.infra import start_nats  # noqa: E402
from festival_events.envelope import Envelope, chain_problems  # noqa: E402
from festival_kit import jetstream  # noqa: E402
from festival_kit.relay import Relay  # noqa: E402


@pytest.fixture
def own_nats(tmp_path, fresh_ports):
    with start_nats(tmp_path / "nats", fresh_ports()) as server:
        yield server


async def stream_envelopes(url: str) -> list[Envelope]:
    """Everything on the stream, in stream order."""
    nc = await nats.connect(url)
    js = nc.jetstream()
    info = await js.stream_info("FESTIVAL")
    envelopes = [
        Envelope.model_validate_json((await js.get_msg("FESTIVAL", seq)).data)
        for seq in range(info.state.first_seq, info.state.last_seq + 1)
    ]
    await nc.close()
    return envelopes


def assert_exactly_once(app: CounterApp, envelopes: list[Envelope]) -> None:
    stored = [env for _, env in app.envelopes(0, 100_000)]
    assert [e.msg_id for e in envelopes] == [e.msg_id for e in stored]  # same events, same order, no dupes
    assert chain_problems(envelopes) == []


async def test_relay_dying_after_publish_before_record_leaves_no_duplicate_and_no_gap(tmp_path, own_nats):
    app = CounterApp(env=sqlite_env(tmp_path / "store.sqlite"))
    fill(app, counters=3, increments=4)
    nc = await nats.connect(own_nats.url)
    js = nc.jetstream()
    await jetstream.ensure_stream(js)

    dying = Relay(app, js, batch=5)

    async def killed(position: int) -> None:
        raise SystemExit("killed between publishing and recording")

    dying.record = killed
    with pytest.raises(SystemExit):
        await dying.pump()
    assert len(await stream_envelopes(own_nats.url)) == 5  # published, but the position was not recorded

    restarted = Relay(app, js, batch=5)
    assert await restarted.position() == 0
    while await restarted.pump():
        pass
    await nc.close()
    assert_exactly_once(app, await stream_envelopes(own_nats.url))


async def test_relay_process_killed_at_random_moments_publishes_everything_once(tmp_path, own_nats):
    db = tmp_path / "store.sqlite"
    app = CounterApp(env=sqlite_env(db))
    fill(app, counters=5, increments=100)
    script = Path(__file__).parents[1] / "relay_process.py"
    rng = random.Random(11)
    kills = 0
    for _ in range(12):
        # Timed from the moment it starts publishing: interpreter start-up takes longer than the publishing.
        proc = subprocess.Popen([sys.executable, str(script), str(db), own_nats.url], stdout=subprocess.PIPE, text=True)
        await asyncio.to_thread(proc.stdout.readline)
        await asyncio.sleep(rng.uniform(0.0, 0.08))
        if proc.poll() is None:
            proc.kill()
            kills += 1
        proc.wait()
    finisher = subprocess.run([sys.executable, str(script), str(db), own_nats.url], timeout=120)
    assert finisher.returncode == 0
    assert kills >= 1  # at least one relay really died mid-way
    assert_exactly_once(app, await stream_envelopes(own_nats.url))


class Unanswered:
    """The positions bucket of a NATS too busy to answer in time."""

    async def get(self, key: str):
        raise nats.errors.TimeoutError


async def test_a_relay_that_cannot_read_its_position_publishes_nothing_rather_than_start_again(tmp_path, own_nats):
    app = CounterApp(env=sqlite_env(tmp_path / "store.sqlite"))
    fill(app, counters=2, increments=5)
    nc = await nats.connect(own_nats.url)
    js = nc.jetstream()
    await jetstream.ensure_stream(js)
    first = Relay(app, js, batch=6)
    assert await first.pump() == 6 and await first.position() == 6

    restarted, sent = Relay(app, js, batch=6), []
    restarted._positions = Unanswered()
    publish = restarted.publish

    async def counted(env):
        sent.append(env.msg_id)
        return await publish(env)

    restarted.publish = counted
    with pytest.raises(nats.errors.TimeoutError):
        await restarted.pump()
    assert sent == []  # not the six already on the log again (deduplicated only inside the window)

    again = Relay(app, js, batch=6)
    while await again.pump():
        pass
    await nc.close()
    assert_exactly_once(app, await stream_envelopes(own_nats.url))
