"""`festival up --inspectors N` starts N worker processes, media-inspection-1..N, each with its own health port."""

from __future__ import annotations

from pathlib import Path

from festival_cli import stack
from festival_kit.ports import MAX_LOCAL_INSPECTORS, Ports
from festival_kit.settings import Settings


def test_n_workers_named_and_ported_one_by_one(monkeypatch, tmp_path) -> None:
    started = []
    monkeypatch.setattr(stack, "start_service", lambda name, env, data_dir, module="": started.append(
        (name, env["FESTIVAL_WORKER_NAME"], env["MEDIA_INSPECTION_GRPC"], module)) or name)
    settings = Settings(data_dir=tmp_path, ports=Ports(20000))
    names = list(stack.processes("media-inspection", 3, {"X": "1"}, Path(tmp_path), settings))
    assert names == ["media-inspection-1", "media-inspection-2", "media-inspection-3"]
    assert [s[1] for s in started] == names and {s[3] for s in started} == {"festival_inspection"}
    ports = [int(s[2].rsplit(":", 1)[1]) for s in started]
    assert ports == [settings.ports.of(n) for n in names] and len(set(ports)) == 3
    assert "media-inspection" in stack.SERVICES
    assert max(ports) < settings.ports.base + settings.ports.span  # inside the stack's reserved range


def test_the_number_of_workers_is_checked(tmp_path, capsys) -> None:
    assert stack.up(Settings(data_dir=tmp_path), inspectors=0) == 2
    assert stack.up(Settings(data_dir=tmp_path), inspectors=MAX_LOCAL_INSPECTORS + 1) == 2
    assert "--inspectors" in capsys.readouterr().err
