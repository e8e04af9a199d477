"""Versioned payload contracts of every event on the log, shared by producers and consumers.

A contract is a pydantic model named after its event type, with the service that emits it and a
schema version. A newer version registers an upcaster from the one before; old events are upcast on
read, never rewritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from festival_events.envelope import Envelope

Upcaster = Callable[[dict[str, Any]], dict[str, Any]]

_CONTRACTS: dict[str, dict[int, type[Contract]]] = {}
_UPCASTERS: dict[tuple[str, int], Upcaster] = {}


class UnknownEvent(LookupError):
    """An event type (or version) that no contract describes."""


class Contract(BaseModel):
    """Base of every payload contract; subclasses set `service`, `type` and `version`."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    service: ClassVar[str]
    type: ClassVar[str]
    version: ClassVar[int] = 1

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "type" in cls.__dict__:
            _CONTRACTS.setdefault(cls.type, {})[cls.version] = cls


def upcaster(event_type: str, from_version: int) -> Callable[[Upcaster], Upcaster]:
    """Register the function that turns version N of an event's payload into version N+1."""

    def register(func: Upcaster) -> Upcaster:
        _UPCASTERS[(event_type, from_version)] = func
        return func

    return register


def contract_for(event_type: str, version: int | None = None) -> type[Contract]:
    versions = _CONTRACTS.get(event_type)
    if not versions:
        raise UnknownEvent(event_type)
    chosen = max(versions) if version is None else version
    if chosen not in versions:
        raise UnknownEvent(f"{event_type} v{version}")
    return versions[chosen]


def all_contracts() -> list[type[Contract]]:
    """The latest version of every contract, sorted by service and type."""
    latest = [versions[max(versions)] for versions in _CONTRACTS.values()]
    return sorted(latest, key=lambda c: (c.service, c.type))


def read(envelope: Envelope) -> Contract:
    """The envelope's payload as the latest version of its contract (upcast if it is older)."""
    latest = contract_for(envelope.type)
    payload, version = dict(envelope.payload), envelope.schema_version
    while version < latest.version:
        step = _UPCASTERS.get((envelope.type, version))
        if step is None:
            raise UnknownEvent(f"{envelope.type}: no upcaster from v{version}")
        payload, version = step(payload), version + 1
    return latest.model_validate(payload)


def validate(event_type: str, version: int, payload: dict[str, Any]) -> Contract:
    """Check a payload a producer is about to publish against its exact contract version."""
    return contract_for(event_type, version).model_validate(payload)


def load_all() -> None:
    """Import every contract module so the registry is complete."""
    from festival_events.contracts import audit, awards, inspection, intake, notifications, registry, review, scoring  # noqa: F401
