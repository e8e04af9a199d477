"""Protobuf messages to JSON and back: every field, 64-bit integers as numbers, names as in the proto."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.json_format import MessageToDict
from google.protobuf.message import Message
from pydantic import BaseModel

from festival.intake.v1 import intake_pb2
from festival.registry.v1 import registry_pb2
from festival_events.contracts.registry import EditionRules

# Well-known messages that hold free-form JSON (an inspection check's measured and expected values).
_JSON_VALUES = {"google.protobuf.Value", "google.protobuf.Struct", "google.protobuf.ListValue"}


def to_json(message: Message) -> dict[str, Any]:
    """Unlike json_format, keeps int64 as numbers and fields at their defaults."""
    if message.DESCRIPTOR.full_name in _JSON_VALUES:
        return MessageToDict(message)  # a measurement: any JSON value, as it was recorded
    out: dict[str, Any] = {}
    for field in message.DESCRIPTOR.fields:
        value = getattr(message, field.name)
        if field.type == FieldDescriptor.TYPE_BYTES:
            continue  # bytes never travel as JSON here (forms are served as files)
        is_message = field.type == FieldDescriptor.TYPE_MESSAGE
        if field.is_repeated:
            out[field.name] = [to_json(v) if is_message else v for v in value]
        else:
            out[field.name] = to_json(value) if is_message else value
    return out


def draft_of(model: BaseModel) -> intake_pb2.Draft:
    """The intake Draft message of a validated HTTP draft."""
    return intake_pb2.Draft(**model.model_dump())


def edition_json(edition: registry_pb2.Edition) -> dict[str, Any]:
    """The edition with its rules, and its deadlines as local wall-clock text for display."""
    rules = EditionRules.model_validate_json(edition.rules_json)
    zone = ZoneInfo(rules.timezone)
    local = {
        name: getattr(rules, name).astimezone(zone).strftime("%Y-%m-%d %H:%M")
        for name in ("window_opens", "window_closes", "region_deadline")
    }
    return {
        "id": edition.id, "code": edition.code, "phase": edition.phase,
        "rules": rules.model_dump(mode="json"), "local_times": {"timezone": rules.timezone, **local},
    }
