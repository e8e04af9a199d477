"""Generated files are what their one command makes: the gRPC stubs and the AsyncAPI document."""

from __future__ import annotations

import filecmp
from pathlib import Path

from festival_cli.codegen import generate
from festival_cli.main import main
from festival_events.asyncapi import document

ROOT = Path(__file__).parents[3]


def test_committed_grpc_stubs_match_a_fresh_generation(tmp_path):
    generate(ROOT, out=tmp_path)
    committed = ROOT / "proto" / "python"
    fresh = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.py*"))
    assert fresh, "nothing generated"
    for rel in fresh:
        assert filecmp.cmp(tmp_path / rel, committed / rel, shallow=False), f"{rel} is stale: run `uv run festival gen proto`"


def test_committed_asyncapi_document_is_current():
    assert main(["docs", "events", "--check"]) == 0, "run `uv run festival docs events`"


def test_asyncapi_names_a_channel_for_every_contract_on_its_subject():
    doc = document()
    addresses = {channel["address"] for channel in doc["channels"].values()}
    assert "festival.intake.SubmissionSubmitted" in addresses
    assert "festival.registry.SubmissionWindowClosed" in addresses
    assert doc["asyncapi"].startswith("3.")
