"""Durable JetStream consumers that record what they processed atomically with what they wrote.

Each consumer reads one message at a time (max_ack_pending=1), so its stream positions only grow;
it skips a message whose position its store already holds, and acknowledges only after its events
and that position are committed together. A redelivered message therefore changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import structlog
from faststream import AckPolicy as Acknowledge
from faststream.nats import ConsumerConfig, JStream, NatsBroker, NatsMessage, PullSub
from nats.js.api import AckPolicy, DeliverPolicy

from festival_events.envelope import STREAM, Envelope
from festival_kit.application import FestivalApplication
from festival_kit.context import Cause, caused_by
from festival_kit.jetstream import DUPLICATE_WINDOW_S

log = structlog.get_logger()

# A handler turns one event into the aggregates it changed (their pending events get saved).
Handler = Callable[[Envelope], Iterable[Any]]

RETRY_DELAY_S = 0.5
FESTIVAL = JStream(name=STREAM, subjects=["festival.>"], declare=False, duplicate_window=DUPLICATE_WINDOW_S)


def cause_of(env: Envelope) -> Cause:
    """Work done because of an event keeps its correlation and names it as the cause."""
    return Cause(
        account_id=env.actor.account_id,
        role=env.actor.role,
        correlation_id=env.correlation_id,
        causation_id=str(env.event_id),
    )


def handle_tracked(app: FestivalApplication, durable: str, handlers: dict[str, Handler], msg: NatsMessage) -> None:
    """Process one message once: skip it if already tracked, else save its effects with its position."""
    seq = msg.raw_message.metadata.sequence.stream
    if app.processed(durable, seq):
        log.info("consumer.already_processed", consumer=durable, seq=seq)
        return
    env = Envelope.model_validate_json(msg.body)
    handler = handlers.get(env.type)
    with caused_by(cause_of(env)):
        aggregates = list(handler(env)) if handler else []
        app.save_tracked(durable, seq, *aggregates)
        log.info("consumer.processed", consumer=durable, seq=seq, type=env.type, handled=bool(handler))


def subscribe(
    broker: NatsBroker,
    app: FestivalApplication,
    durable: str,
    subjects: list[str],
    handlers: dict[str, Handler],
) -> None:
    """Register a durable pull consumer on the given subjects of FESTIVAL for the handlers."""
    config = ConsumerConfig(
        durable_name=durable,
        filter_subjects=subjects,
        ack_policy=AckPolicy.EXPLICIT,
        deliver_policy=DeliverPolicy.ALL,
        max_ack_pending=1,
        ack_wait=30,
    )

    @broker.subscriber(
        "", stream=FESTIVAL, durable=durable, config=config, ack_policy=Acknowledge.MANUAL,
        pull_sub=PullSub(batch_size=1, timeout=1.0),
    )
    async def on_event(msg: NatsMessage) -> None:
        # Acknowledge only what is stored; anything else comes back after a pause, never dropped.
        try:
            handle_tracked(app, durable, handlers, msg)
        except Exception:
            log.exception("consumer.failed", consumer=durable)
            await msg.nack(delay=RETRY_DELAY_S)
            return
        await msg.ack()
