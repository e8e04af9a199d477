"""The inspection's one entry point: an upload's verdict and checks from its recorded measurements and rules.

media-inspection measures a file (decoding it with PyAV), writes the measurements as JSON with `measurements`,
and calls `verdicts` on that JSON; it records the JSON and `RULE_VERSION` on InspectionCompleted. An auditor
calls `verdicts` on the recorded JSON with the same edition's rules and gets the same checks back.
"""

from __future__ import annotations

from typing import Any

from festival_decisions.inspection.film import FilmRules, film_checks
from festival_decisions.inspection.film.measures import FilmMeasures
from festival_decisions.inspection.forms import FormMeasures, form_checks
from festival_decisions.inspection.images import ImageMeasures, image_checks
from festival_decisions.inspection.outcomes import OUTCOMES
from festival_decisions.inspection.records import as_json, from_json
from festival_decisions.inspection.report import Check, Verdict, worst
from festival_events.contracts.registry import EditionRules, FileLimit

# Changes whenever a check could answer differently on the same measurements and rules.
RULE_VERSION = "inspection-1"
FILM, IMAGES, FORMS = "film", ("cover", "poster"), ("application_form", "copyright_declaration")
MEASURED = {FilmMeasures: "film", ImageMeasures: "image", FormMeasures: "form"}


def measurements(record: FilmMeasures | ImageMeasures | FormMeasures | None = None, **outcome: Any) -> dict[str, Any]:
    """The JSON `verdicts` reads: a measured record, or an outcome (`measurements(kind="missing")`)."""
    if record is None:
        return dict(outcome)
    fields = as_json(record)
    if "kind" in fields:  # the key says which record it is: a field of that name would overwrite it
        raise ValueError(f"{type(record).__name__} has a field called kind")
    return {"kind": MEASURED[type(record)], **fields}


def verdicts(slot: str, measured: dict[str, Any], edition_rules: EditionRules,
             category: str | None) -> tuple[Verdict, list[Check]]:
    """The verdict (the worst check's) and every check of one upload into `slot`.

    ValueError when the measurements do not fit the slot, or name a category or slot the edition lacks."""
    checks = list(_checks(slot, measured, edition_rules, category))
    return worst(c.verdict for c in checks), checks


def _checks(slot: str, measured: dict[str, Any], rules: EditionRules, category: str | None) -> tuple[Check, ...]:
    data = dict(measured)
    kind = data.pop("kind", None)
    if kind in OUTCOMES:
        return (OUTCOMES[kind](**data),)
    if kind == "film" and slot == FILM:
        return film_checks(from_json(FilmMeasures, data), FilmRules.from_edition(rules), category)
    if kind == "image" and slot in IMAGES:
        return image_checks(from_json(ImageMeasures, data), slot, _limit(rules, slot))
    if kind == "form" and slot in FORMS:
        return form_checks(from_json(FormMeasures, data), _limit(rules, slot))
    raise ValueError(f"no checks of {kind!r} measurements for slot {slot!r}")


def _limit(rules: EditionRules, slot: str) -> FileLimit:
    try:
        return rules.files[slot]
    except KeyError:
        raise ValueError(f"edition {rules.code} defines no file slot {slot!r}") from None
