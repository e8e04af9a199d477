"""RegistryStore: how the registry's commands find aggregates, list them, and know their caller."""

from __future__ import annotations

from typing import TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from festival_kit import context
from festival_kit.application import FestivalApplication
from festival_registry.directory import Directory
from festival_registry.domain.account import ACTIVE, Account

A = TypeVar("A")


class RegistryStore(FestivalApplication):
    """The registry's event store, read by id or by kind (through its directory)."""

    SERVICE = "registry"

    def __init__(self, env: dict[str, str] | None = None):
        super().__init__(env=env)
        self.directory = Directory(self.recorder)

    def find(self, kind: type[A], aggregate_id: UUID | str | None) -> A | None:
        """The aggregate of that kind with that id (a UUID or its text), or None."""
        if isinstance(aggregate_id, str):
            aggregate_id = as_uuid(aggregate_id)
        if aggregate_id is None:
            return None
        try:
            found = self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None
        return found if isinstance(found, kind) else None

    def all(self, kind: type[A]) -> list[A]:
        """Every aggregate of a kind, in creation order."""
        return [a for a in (self.find(kind, i) for i in self.directory.ids_of(kind)) if a is not None]

    def last(self, kind: type[A]) -> A | None:
        found = self.directory.ids_of(kind)
        return self.find(kind, found[-1]) if found else None

    def caller(self) -> Account | None:
        """The active account the cause in force names, if it acts in that account's own role."""
        cause = context.current()
        account = self.find(Account, cause.account_id)
        if account is None or account.role != cause.role or account.status != ACTIVE:
            return None
        return account


def as_uuid(value: str) -> UUID | None:
    try:
        return UUID(value)
    except ValueError:
        return None
