"""Run a relay over a counter store until it has nothing left to publish (killed at random by a test)."""

import asyncio
import sys
from pathlib import Path

import nats

sys.path.insert(0, str(Path(__file__).parent))
from relay_model import CounterApp, sqlite_env  # noqa: E402

from festival_kit import jetstream  # noqa: E402
from festival_kit.relay import Relay  # noqa: E402


async def main(db: str, url: str) -> None:
    app = CounterApp(env=sqlite_env(db))
    nc = await nats.connect(url)
    js = nc.jetstream()
    await jetstream.ensure_stream(js)
    relay = Relay(app, js, batch=7)
    print("ready", flush=True)  # the test kills it at a random moment from here, while it publishes
    while await relay.pump():
        pass
    await nc.drain()


asyncio.run(main(sys.argv[1], sys.argv[2]))
