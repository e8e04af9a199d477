"""Every port of a local stack, derived from one base so two stacks can run side by side."""

from __future__ import annotations

from dataclasses import dataclass

# Offsets from FESTIVAL_PORT_BASE. The gateway owns the base itself.
_OFFSETS = {
    "gateway": 0,
    "registry": 1,
    "intake": 2,
    "media-inspection": 3,
    "review": 4,
    "scoring": 5,
    "awards": 6,
    "audit": 7,
    "nats": 10,
    "nats_monitor": 11,
    # A 3-node cluster (FESTIVAL_NATS_CLUSTER=3): node 1 keeps nats/nats_monitor, each node a route port.
    "nats_2": 12,
    "nats_2_monitor": 13,
    "nats_3": 14,
    "nats_3_monitor": 15,
    "nats_route_1": 16,
    "nats_route_2": 17,
    "nats_route_3": 18,
    "s3": 20,
    "weed_master": 21,
    "weed_master_grpc": 22,
    "weed_volume": 23,
    "weed_volume_grpc": 24,
    "weed_filer": 25,
    "weed_filer_grpc": 26,
    "weed_s3_grpc": 27,
    "weed_webdav": 28,
    "weed_admin": 29,
    "weed_metrics": 30,
}
# The workers `festival up --inspectors N` starts locally, each with gRPC health on its own port (in a
# deployment they are replicas behind the media-inspection service's one port instead).
MAX_LOCAL_INSPECTORS = 8
_OFFSETS.update({f"media-inspection-{i}": 40 + i for i in range(1, MAX_LOCAL_INSPECTORS + 1)})


@dataclass(frozen=True)
class Ports:
    """The ports of one stack; `Ports(8000).of("intake")` is intake's gRPC port."""

    base: int = 8000

    def of(self, name: str) -> int:
        return self.base + _OFFSETS[name]

    @property
    def span(self) -> int:
        return max(_OFFSETS.values()) + 1
