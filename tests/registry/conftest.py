"""Registry test helpers: an application on a store of the test's own, seeded with edition 11."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest

from festival_kit.context import Cause, caused_by
from festival_kit.settings import Settings
from festival_registry.adapters.edition_file import packaged
from festival_registry.application import RegistryApplication
from festival_registry.domain.account import Account

EDITION_11 = packaged("11")


def as_account(account: Account | None = None) -> AbstractContextManager[Cause]:
    """Run a block as this account, the way the gateway's metadata names the caller (None: the system)."""
    if account is None:
        return caused_by(Cause())
    return caused_by(Cause(account_id=str(account.id), role=account.role))


@pytest.fixture
def act_as() -> Callable[..., AbstractContextManager[Cause]]:
    """`with act_as(account): ...` runs commands as that account; `act_as()` as the system."""
    return as_account


@pytest.fixture
def memory_app() -> RegistryApplication:
    """In memory (no I/O), seeded with edition 11 and its regions."""
    app = RegistryApplication(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    with as_account():
        app.seed(EDITION_11)
    return app


@pytest.fixture
def edition_file():
    return EDITION_11


@pytest.fixture
def sqlite_app(tmp_path) -> Callable[[], RegistryApplication]:
    """A factory of applications on one SQLite file of the test's own (a second call reopens it)."""
    opened: list[RegistryApplication] = []

    def make() -> RegistryApplication:
        app = RegistryApplication(env=Settings(data_dir=tmp_path).store_env("registry"))
        opened.append(app)
        return app

    yield make
    for app in opened:
        app.close()
