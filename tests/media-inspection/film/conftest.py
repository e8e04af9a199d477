"""Fixtures of the film checks: edition 11's rules as the registry configures them, and a folder of films."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from festival_events.contracts.registry import EditionRules
from festival_decisions.inspection.film import FilmRules

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tests"))  # inspection_media, the shared film generators

EDITION = ROOT / "services/registry/src/festival_registry/editions/edition-11.yaml"


@pytest.fixture(scope="session")
def edition() -> EditionRules:
    data = yaml.safe_load(EDITION.read_text(encoding="utf-8"))
    data.pop("regions", None)
    return EditionRules.model_validate(data)


@pytest.fixture(scope="session")
def film_rules(edition) -> FilmRules:
    return FilmRules.from_edition(edition)


@pytest.fixture(scope="session")
def film_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("films")
