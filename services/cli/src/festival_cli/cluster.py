"""A NATS cluster on loopback: three nats-server processes with JetStream, routed to each other.

What compose.yaml runs, as local processes, for tests and for `FESTIVAL_NATS_CLUSTER=3 festival up`.
Each node keeps its own store under data_dir/"nats"/"node-N" and fsyncs every write (sync_interval
always); with the stream's replicas at 3 an acknowledged publish is on a majority of nodes, so one
node killed loses nothing acknowledged.
"""

from __future__ import annotations

import json
from pathlib import Path

from festival_cli.infra import LOOPBACK, NatsServer, StartError, _binary, spawn
from festival_kit.ports import Ports

NAME = "festival"


def node_ports(ports: Ports, node: int) -> tuple[int, int, int]:
    """(client, monitor, route) ports of node 1..3; node 1 has the single server's client and monitor ports."""
    if node == 1:
        return ports.of("nats"), ports.of("nats_monitor"), ports.of("nats_route_1")
    return ports.of(f"nats_{node}"), ports.of(f"nats_{node}_monitor"), ports.of(f"nats_route_{node}")


def _config(store: Path, ports: Ports, node: int, nodes: int) -> str:
    client, monitor, route = node_ports(ports, node)
    routes = ", ".join(f"nats-route://{LOOPBACK}:{node_ports(ports, n)[2]}" for n in range(1, nodes + 1) if n != node)
    return (
        f"server_name: {NAME}-{node}\n"
        f"listen: {LOOPBACK}:{client}\n"
        f"http: {LOOPBACK}:{monitor}\n"
        "jetstream {\n"
        f"  store_dir: {json.dumps(str(store))}\n"
        "  sync_interval: always\n"
        "}\n"
        "cluster {\n"
        f"  name: {NAME}\n"
        f"  listen: {LOOPBACK}:{route}\n"
        f"  routes: [{routes}]\n"
        "}\n"
    )


def start_nats_cluster(data_dir: Path, ports: Ports, nodes: int = 3, timeout: float = 60.0) -> list[NatsServer]:
    """Start `nodes` routed nats-servers and wait until each has JetStream (a meta leader elected)."""
    started: list[NatsServer] = []
    try:
        for node in range(1, nodes + 1):
            store = data_dir / "nats" / f"node-{node}"
            store.mkdir(parents=True, exist_ok=True)
            config = store / "nats-server.conf"
            config.write_text(_config(store, ports, node, nodes))
            log_path = data_dir / "logs" / f"nats-server-{node}.log"
            client, monitor, _ = node_ports(ports, node)
            server = NatsServer(spawn([_binary("nats-server"), "-c", str(config)], log_path), log_path, client, monitor)
            server.name = f"nats-server-{node}"
            started.append(server)
        for server in started:  # together: a node's JetStream waits for its peers
            server.wait_ready(server.ready, timeout, "JetStream healthz in the cluster")
    except StartError:
        for server in started:
            server.stop()
        raise
    return started


def urls(servers: list[NatsServer]) -> str:
    """NATS_URL for a client of the cluster: every node, comma-separated."""
    return ",".join(server.url for server in servers)
