"""The edition's rules as inspection reads them: an edition file, and the limits of one file slot."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from festival_events.contracts.registry import EditionRules, FileLimit

# Where the registry keeps edition files in the repository; outside it, the copy packaged here is used.
REGISTRY_EDITIONS = Path("services/registry/src/festival_registry/editions")


class RulesError(ValueError):
    """An edition file that cannot be read, or a slot or category it does not define."""


def edition_file(code: str, start: Path | None = None) -> Path:
    """The edition file `edition-<code>.yaml`: the registry's when run in the repository, else the packaged copy."""
    name = f"edition-{code}.yaml"
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / REGISTRY_EDITIONS / name
        if candidate.is_file():
            return candidate
    return packaged(code)


def packaged(code: str) -> Path:
    """The copy of edition `code`'s file shipped with this package."""
    return Path(str(resources.files("festival_inspection") / "editions" / f"edition-{code}.yaml"))


def load_edition(path: Path) -> EditionRules:
    """The rules of an edition file (its region list is the registry's business and is left out)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        data.pop("regions", None)
        return EditionRules.model_validate(data)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, AttributeError, ValueError) as exc:
        raise RulesError(f"{path}: {exc}") from exc


def file_limit(rules: EditionRules, slot: str) -> FileLimit:
    """What the edition accepts in `slot` (cover, poster, application_form, ...)."""
    try:
        return rules.files[slot]
    except KeyError:
        raise RulesError(f"edition {rules.code} defines no file slot {slot!r}") from None
