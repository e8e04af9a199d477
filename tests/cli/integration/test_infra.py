"""The local infrastructure against the real binaries: nats-server with JetStream, SeaweedFS with S3 auth."""

from __future__ import annotations

import io
import os
import socket
import stat
import urllib.parse
from datetime import timedelta
from pathlib import Path

import httpx
import nats
import pytest
from minio import Minio
from minio.error import S3Error
from nats.js.api import StorageType, StreamConfig

from festival_cli.infra import StartError, start_nats, start_s3

BUCKET = "infra-test"


def _client(endpoint: str, access_key: str, secret_key: str) -> Minio:
    return Minio(endpoint, access_key=access_key, secret_key=secret_key, secure=False, region="us-east-1")


def _admin(server) -> Minio:
    client = _client(server.endpoint, server.access_key, server.secret_key)
    if not client.bucket_exists(BUCKET):
        client.make_bucket(BUCKET)
    return client


def _listening(pid: int) -> list[tuple[str, int]]:
    """(address, port) of every TCP socket `pid` listens on, from /proc (Linux)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes:  # 0A: LISTEN
                address, port = local.split(":")
                if len(address) == 8:  # IPv4, little-endian hex
                    address = ".".join(str(int(address[i : i + 2], 16)) for i in (6, 4, 2, 0))
                found.append((address, int(port, 16)))
    return found


# --- NATS -------------------------------------------------------------------------------------------------


async def test_jetstream_is_enabled(nats_server):
    nc = await nats.connect(nats_server.url)
    try:
        info = await nc.jetstream().account_info()
        assert info.limits is not None
    finally:
        await nc.close()


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads /proc")
def test_nats_listens_only_on_loopback_on_its_ports(nats_server, stack_ports):
    listening = _listening(nats_server.proc.pid)
    assert sorted(listening) == [
        ("127.0.0.1", stack_ports.of("nats")),
        ("127.0.0.1", stack_ports.of("nats_monitor")),
    ]


async def test_nats_restart_keeps_a_file_stream(tmp_path, fresh_ports):
    ports = fresh_ports()
    with start_nats(tmp_path, ports) as server:
        nc = await nats.connect(server.url)
        js = nc.jetstream()
        await js.add_stream(StreamConfig(name="KEEP", subjects=["keep.>"], storage=StorageType.FILE))
        ack = await js.publish("keep.one", b"still here", headers={"Nats-Msg-Id": "m1"})
        await nc.close()
    assert (tmp_path / "nats" / "jetstream").is_dir()

    with start_nats(tmp_path, ports) as server:
        nc = await nats.connect(server.url)
        try:
            js = nc.jetstream()
            info = await js.stream_info("KEEP")
            assert info.state.messages == 1
            msg = await js.get_msg("KEEP", ack.seq)
            assert msg.data == b"still here"
        finally:
            await nc.close()


def test_a_server_that_cannot_start_says_why(tmp_path, fresh_ports):
    ports = fresh_ports()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", ports.of("nats")))
        taken.listen()
        with pytest.raises(StartError, match="address already in use") as err:
            start_nats(tmp_path, ports, timeout=10)
    assert "nats-server.log" in str(err.value)


# --- S3 ---------------------------------------------------------------------------------------------------


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads /proc")
def test_s3_listens_only_on_loopback_within_the_stack_ports(s3_server, stack_ports):
    listening = _listening(s3_server.proc.pid)
    assert ("127.0.0.1", stack_ports.of("s3")) in listening
    for address, port in listening:
        assert address == "127.0.0.1", (address, port)
        assert stack_ports.base <= port < stack_ports.base + stack_ports.span, port


def test_presigned_put_works_and_reads_back(s3_server):
    client = _admin(s3_server)
    url = client.presigned_put_object(BUCKET, "hello.txt", timedelta(minutes=5))
    assert url.startswith(f"http://{s3_server.endpoint}/")
    assert httpx.put(url, content=b"hello festival").status_code == 200
    response = client.get_object(BUCKET, "hello.txt")
    try:
        assert response.read() == b"hello festival"
    finally:
        response.close()
        response.release_conn()


def test_anonymous_get_is_refused(s3_server):
    client = _admin(s3_server)
    client.put_object(BUCKET, "private.txt", io.BytesIO(b"secret"), 6)
    response = httpx.get(f"http://{s3_server.endpoint}/{BUCKET}/private.txt")
    assert response.status_code == 403
    assert b"secret" not in response.content
    assert httpx.get(f"http://{s3_server.endpoint}/{BUCKET}").status_code == 403  # nor a listing


def test_tampered_presigned_urls_are_refused(s3_server):
    client = _admin(s3_server)
    url = client.presigned_put_object(BUCKET, "allowed.txt", timedelta(minutes=5))
    parts = urllib.parse.urlsplit(url)
    query = dict(urllib.parse.parse_qsl(parts.query))
    signature = query["X-Amz-Signature"]
    query["X-Amz-Signature"] = ("0" if signature[0] != "0" else "1") + signature[1:]
    bad_signature = parts._replace(query=urllib.parse.urlencode(query)).geturl()
    other_key = url.replace("/allowed.txt?", "/other.txt?")
    assert other_key != url

    assert httpx.put(bad_signature, content=b"x").status_code == 403
    assert httpx.put(other_key, content=b"x").status_code == 403
    with pytest.raises(S3Error):
        client.stat_object(BUCKET, "other.txt")
    assert httpx.put(url, content=b"x").status_code == 200  # the untouched URL still works


def test_unknown_access_key_is_refused(s3_server):
    _admin(s3_server)
    stranger = _client(s3_server.endpoint, "NOT-A-KEY", s3_server.secret_key)
    with pytest.raises(S3Error) as err:
        stranger.list_buckets()
    assert err.value.code == "InvalidAccessKeyId"
    wrong_secret = _client(s3_server.endpoint, s3_server.access_key, "not-the-secret")
    with pytest.raises(S3Error) as err:
        wrong_secret.list_buckets()
    assert err.value.code == "SignatureDoesNotMatch"


def test_s3_restart_keeps_objects_and_keys(tmp_path, fresh_ports, s3_server):
    ports = fresh_ports()
    with start_s3(tmp_path, ports) as first:
        keys = (first.access_key, first.secret_key)
        assert keys != (s3_server.access_key, s3_server.secret_key)  # generated per data dir
        _admin(first).put_object(BUCKET, "kept.bin", io.BytesIO(b"k" * 1000), 1000)
    identities = tmp_path / "s3-identities.json"
    assert stat.S_IMODE(identities.stat().st_mode) == 0o600

    with start_s3(tmp_path, ports) as second:
        assert (second.access_key, second.secret_key) == keys
        response = _admin(second).get_object(BUCKET, "kept.bin")
        try:
            assert response.read() == b"k" * 1000
        finally:
            response.close()
            response.release_conn()
