"""Edition files: the YAML that configures one edition (its rules and its regions)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from festival_events.contracts.registry import EditionRules


@dataclass(frozen=True)
class RegionEntry:
    code: str
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class EditionFile:
    """What an edition file holds: the rules every service reads, and the regions to register."""

    rules: EditionRules
    regions: tuple[RegionEntry, ...]


def packaged(code: str) -> Path:
    """The edition file shipped with the registry, e.g. `editions/edition-11.yaml`."""
    return Path(str(resources.files("festival_registry") / "editions" / f"edition-{code}.yaml"))


def load(path: Path) -> EditionFile:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    regions = tuple(RegionEntry(**entry) for entry in data.pop("regions", []))
    return EditionFile(rules=EditionRules.model_validate(data), regions=regions)
