"""A tiny event-sourced model for the relay and consumer tests (service "relaytest")."""

from __future__ import annotations

from typing import ClassVar

from eventsourcing.domain import event

from festival_events.contracts import Contract
from festival_kit.aggregate import FestivalAggregate
from festival_kit.application import FestivalApplication


class CounterOpened(Contract):
    service: ClassVar[str] = "relaytest"
    type: ClassVar[str] = "CounterOpened"
    name: str
    edition: str


class CounterIncremented(Contract):
    service: ClassVar[str] = "relaytest"
    type: ClassVar[str] = "CounterIncremented"
    by: int


class Counter(FestivalAggregate):
    SERVICE = "relaytest"

    @event("Opened")
    def __init__(self, name: str, edition: str):
        self.name, self.edition, self.value = name, edition, 0

    @event("Incremented")
    def increment(self, by: int) -> None:
        self.value += by


class CounterApp(FestivalApplication):
    SERVICE = "relaytest"


class TallyOpened(Contract):
    service: ClassVar[str] = "tallytest"
    type: ClassVar[str] = "TallyOpened"
    edition: str


class TallyCounted(Contract):
    service: ClassVar[str] = "tallytest"
    type: ClassVar[str] = "TallyCounted"
    counter_id: str
    by: int


class Tally(FestivalAggregate):
    """What a consumer builds from counter events: one tally that sums every increment it hears."""

    SERVICE = "tallytest"

    @event("Opened")
    def __init__(self, edition: str):
        self.edition, self.total, self.seen = edition, 0, 0

    @event("Counted")
    def count(self, counter_id: str, by: int) -> None:
        self.total += by
        self.seen += 1


class TallyApp(FestivalApplication):
    SERVICE = "tallytest"


def sqlite_env(path) -> dict[str, str]:
    return {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(path)}


def fill(app: CounterApp, counters: int, increments: int) -> list:
    """Store `counters` counters with `increments` increments each, interleaved across counters."""
    items = [Counter(name=f"c{i}", edition="11") for i in range(counters)]
    app.save(*items)
    for step in range(increments):
        for item in items:
            item.increment(step + 1)
        app.save(*items)
    return items


TALLY_ID = __import__("uuid").UUID("0b8a3c53-24a5-4e0c-9a3e-51b2e1f6f4a1")
Tally.create_id = staticmethod(lambda **_: TALLY_ID)


def count_handler(app: TallyApp):
    """The consumer's reaction to an increment: add it to the one tally."""
    from eventsourcing.application import AggregateNotFoundError

    def on_increment(env):
        try:
            tally = app.repository.get(TALLY_ID)
        except AggregateNotFoundError:
            tally = Tally(edition=env.edition)
        tally.count(counter_id=env.aggregate_id, by=env.payload["by"])
        return [tally]

    return {"CounterIncremented": on_increment}
