"""Base of every festival aggregate: events carry their cause and chain to the previous event."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from eventsourcing.domain import Aggregate

from festival_events.envelope import GENESIS, Actor, Envelope, chain_hash
from festival_kit import clock, context

# Envelope event ids are derived, so the same stored event always gets the same id.
_EVENT_ID_NAMESPACE = uuid.UUID("6f1c1c3e-7d0b-4e55-9a51-2d6f3b1f0c11")
_BASE_FIELDS = {"originator_id", "originator_version", "timestamp", "originator_topic", "meta"}


class FestivalAggregate(Aggregate):
    """An aggregate whose events know their service, edition, actor and place in a hash chain."""

    SERVICE: ClassVar[str]
    chain_head: str = GENESIS
    edition: str = ""

    class Event(Aggregate.Event):
        meta: dict[str, Any]

        @staticmethod
        def create_timestamp() -> datetime:
            return clock.now()

        def mutate(self, aggregate: Any) -> Any:
            aggregate = super().mutate(aggregate)
            aggregate.chain_head = envelope_of(self, aggregate.SERVICE).hash
            return aggregate

    class Created(Event, Aggregate.Created):
        pass

    @classmethod
    def _create(cls, event_class: Any, *, id: Any = None, **kwargs: Any) -> Any:  # noqa: A002
        kwargs["meta"] = _meta(GENESIS, kwargs.get("edition", ""))
        return super()._create(event_class, id=id, **kwargs)

    def trigger_event(self, event_class: Any, **kwargs: Any) -> None:
        kwargs["meta"] = _meta(self.chain_head, self.edition)
        super().trigger_event(event_class, **kwargs)


def _meta(prev_hash: str, edition: str) -> dict[str, Any]:
    return {**context.current().as_meta(), "prev_hash": prev_hash, "edition": edition}


def event_type(event: Any) -> str:
    """`Submission.Submitted` is published as `SubmissionSubmitted`, unless its class sets `PUBLISHED_AS`."""
    # An aggregate may record an event whose contract is named for what it is about, not for the
    # aggregate: `Edition.SubmissionWindowOpened` is published as `SubmissionWindowOpened`.
    return getattr(type(event), "PUBLISHED_AS", "") or type(event).__qualname__.replace(".", "")


def payload_of(event: Any) -> dict[str, Any]:
    return {k: v for k, v in event.__dict__.items() if k not in _BASE_FIELDS}


def event_id(originator_id: Any, version: int) -> str:
    """The envelope event id of an aggregate's event at a version (a decision can cite it before it is sent)."""
    return str(uuid.uuid5(_EVENT_ID_NAMESPACE, f"{originator_id}:{version}"))


def envelope_of(event: Any, service: str, payload: dict[str, Any] | None = None) -> Envelope:
    """The log envelope of a stored domain event; the hash covers exactly what is published."""
    meta = event.meta
    fields = {
        "event_id": event_id(event.originator_id, event.originator_version),
        "service": service,
        "type": event_type(event),
        "schema_version": getattr(type(event), "class_version", 1),
        "edition": meta.get("edition", ""),
        "aggregate_type": type(event).__qualname__.split(".")[0],
        "aggregate_id": str(event.originator_id),
        "aggregate_version": event.originator_version,
        "actor": Actor(account_id=meta["account_id"], role=meta["role"]).model_dump(),
        "occurred_at": event.timestamp.isoformat(),
        "correlation_id": meta["correlation_id"],
        "causation_id": meta["causation_id"],
        "payload": payload if payload is not None else public_payload(event),
    }
    fields = Envelope.model_validate({**fields, "prev_hash": "", "hash": ""}).hashed_fields()
    return Envelope.model_validate(
        {**fields, "prev_hash": meta["prev_hash"], "hash": chain_hash(meta["prev_hash"], fields)}
    )


def public_payload(event: Any) -> dict[str, Any]:
    """The payload as its contract publishes it: fields the contract does not name stay private."""
    from festival_events import contracts

    contracts.load_all()
    contract = contracts.contract_for(event_type(event), getattr(type(event), "class_version", 1))
    raw = payload_of(event)
    published = {k: raw[k] for k in contract.model_fields if k in raw}
    return contract.model_validate(published).model_dump(mode="json")
