"""The deployment description stays in step with the code: compose.yaml, deploy/ and infra/ (no Docker needed)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from festival_cli.compose_secrets import SECRETS, write_secrets
from festival_cli.stack import SERVICES

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
NATS = ("nats-1", "nats-2", "nats-3")
STATEFUL = {"registry": {"postgres"}, "intake": {"postgres", "minio", "minio-init"}}


@pytest.mark.parametrize("service", SERVICES)
def test_compose_builds_every_service_from_the_one_dockerfile(service):
    build = COMPOSE[service]["build"]
    assert (build["context"], build["dockerfile"], build["args"]["SERVICE"]) == (".", "deploy/Dockerfile", service)
    assert set(NATS) | STATEFUL.get(service, set()) <= set(COMPOSE[service]["depends_on"])


@pytest.mark.parametrize("service", SERVICES)
def test_each_service_binds_every_interface_on_the_port_its_peers_dial(service):
    env = COMPOSE[service]["environment"]
    assert env["FESTIVAL_STORE"] == "postgres" and env["NATS_URL"].startswith("nats://nats-")
    assert env["FESTIVAL_GRPC_HOST"] == "0.0.0.0"
    for peer in (s for s in SERVICES if s != "gateway"):
        assert env[f"{peer.upper().replace('-', '_')}_GRPC"] == f"{peer}:50051"


def test_nats_config_is_valid_and_fsyncs_every_write():
    conf = ROOT / "infra/nats/nats.conf"
    assert "sync_interval: always" in conf.read_text()
    env = {**os.environ, "NATS_SERVER_NAME": "nats-1"}
    env |= {f"NATS_ROUTE_{i}": f"nats://nats-{i}:6222" for i in (1, 2, 3)}
    server = Path(sys.executable).parent / "nats-server"
    checked = subprocess.run([server, "-c", conf, "-t"], env=env, capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr


def test_infra_prepares_a_schema_per_service_and_the_bucket():
    init = (ROOT / "infra/postgres/init.sql").read_text()
    for service in (*SERVICES, "media-inspection", "review", "scoring", "awards"):
        assert f"CREATE SCHEMA IF NOT EXISTS {service.replace('-', '_')};" in init
    assert "mc mb --ignore-existing" in (ROOT / "infra/minio/create-bucket.sh").read_text()


def test_k8s_has_a_deployment_per_service_and_scales_media_inspection():
    docs = [d for f in sorted((ROOT / "deploy/k8s").glob("*.yaml")) for d in yaml.safe_load_all(f.read_text()) if d]
    deployments = {d["metadata"]["name"] for d in docs if d["kind"] == "Deployment"}
    assert {*SERVICES, "media-inspection"} <= deployments
    hpa = {d["spec"]["scaleTargetRef"]["name"] for d in docs if d["kind"] == "HorizontalPodAutoscaler"}
    assert hpa == {"media-inspection"}


def test_keda_scales_media_inspection_on_the_workers_own_consumer_in_place_of_the_cpu_hpa():
    from festival_events.envelope import STREAM
    from festival_inspection.worker.adapters.uploads import UPLOADS_CONSUMER

    overlay = yaml.safe_load((ROOT / "deploy/keda/kustomization.yaml").read_text())
    assert overlay["resources"][0] == "../k8s"
    deleted = yaml.safe_load(overlay["patches"][0]["patch"])
    assert (deleted["$patch"], deleted["kind"], deleted["metadata"]["name"]) == \
        ("delete", "HorizontalPodAutoscaler", "media-inspection")
    scaler = yaml.safe_load((ROOT / "deploy/keda" / overlay["resources"][1]).read_text())
    assert scaler["kind"] == "ScaledObject" and scaler["spec"]["scaleTargetRef"]["name"] == "media-inspection"
    queue = next(t["metadata"] for t in scaler["spec"]["triggers"] if t["type"] == "nats-jetstream")
    assert (queue["stream"], queue["consumer"]) == (STREAM, UPLOADS_CONSUMER)
    assert queue["natsServerMonitoringEndpoint"].endswith(":8222")  # infra/nats/nats.conf's http port
    assert "http: 0.0.0.0:8222" in (ROOT / "infra/nats/nats.conf").read_text()
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.skip("kubectl is not installed: the overlay was checked as YAML only")
    rendered = subprocess.run([kubectl, "kustomize", str(ROOT / "deploy/keda")], capture_output=True, text=True,
                              timeout=60)
    assert rendered.returncode == 0, rendered.stderr
    kinds = [d["kind"] for d in yaml.safe_load_all(rendered.stdout) if d]
    assert "HorizontalPodAutoscaler" not in kinds and kinds.count("ScaledObject") == 1
    assert kinds.count("Deployment") >= len({*SERVICES, "media-inspection"})


@pytest.mark.parametrize("service", SERVICES)
def test_dockerfile_builds_a_workspace_package(service):
    assert service in (ROOT / "deploy/Dockerfile").read_text()
    project = (ROOT / "services" / service / "pyproject.toml").read_text()
    assert f'name = "festival-{service}"' in project


def test_secrets_reach_every_container_as_files_only():
    """No secret value in any environment: each *_FILE names a /run/secrets file the service mounts, and every
    secret compose mounts is one `festival secrets` writes."""
    document = yaml.safe_load((ROOT / "compose.yaml").read_text())
    assert set(document["secrets"]) == set(SECRETS)
    for name, service in COMPOSE.items():
        env = service.get("environment", {})
        for key in ("S3_SECRET_KEY", "POSTGRES_PASSWORD", "FESTIVAL_TOKEN_SECRET", "MINIO_ROOT_PASSWORD"):
            assert key not in env, f"{name} has {key} in its environment"
        for key, value in env.items():
            if key.endswith("_FILE") and str(value).startswith("/run/secrets/"):
                assert value.removeprefix("/run/secrets/") in service["secrets"], f"{name}: {key} not mounted"
    assert "token_secret" in COMPOSE["gateway"]["secrets"] and "token_secret" not in COMPOSE["intake"]["secrets"]
    assert COMPOSE["gateway"]["environment"]["FESTIVAL_TOKEN_SECRET_FILE"] == "/run/secrets/token_secret"


def test_festival_secrets_writes_each_secret_once_in_a_private_folder(tmp_path):
    folder = tmp_path / "secrets"
    assert sorted(write_secrets(folder)) == sorted(SECRETS)
    first = {name: (folder / name).read_text() for name in SECRETS}
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(len(text) >= 20 for text in first.values()) and len(set(first.values())) == len(SECRETS)
    (folder / "token_secret").unlink()
    assert write_secrets(folder) == ["token_secret"]  # the others are kept: they guard data already stored
    assert all((folder / name).read_text() == first[name] for name in SECRETS if name != "token_secret")
