"""festival.review.v1.Notifications over gRPC: the caller's own feed, and marking it read."""

from __future__ import annotations

from typing import Any

from festival.review.v1 import notifications_pb2 as pb
from festival.review.v1 import notifications_pb2_grpc
from festival_kit.context import Cause
from festival_kit.rpc import rpc
from festival_review.notifications.application import Notifications

SERVICE_NAME = "festival.review.v1.Notifications"


def notification_pb(entry: dict[str, Any]) -> pb.Notification:
    return pb.Notification(
        id=entry["notification_id"], kind=entry["kind"], title_zh=entry["title_zh"], title_en=entry["title_en"],
        body_zh=entry["body_zh"], body_en=entry["body_en"], submission_id=entry["submission_id"],
        deadline=entry["deadline"], posted_at=entry["posted_at"], read=bool(entry["read_at"]),
        read_at=entry["read_at"],
    )


class NotificationsServicer(notifications_pb2_grpc.NotificationsServicer):
    """The account is always the caller's (from the cause), never a field of the request."""

    def __init__(self, notifications: Notifications):
        self.notifications = notifications

    @rpc
    def ListNotifications(self, request: pb.ListNotificationsRequest, cause: Cause) -> pb.NotificationList:
        feed = self.notifications.feed(cause.account_id)
        entries = feed.newest_first() if feed else []
        unread = sum(1 for e in entries if not e["read_at"])
        shown = [e for e in entries if not (request.unread_only and e["read_at"])]
        if request.limit > 0:
            shown = shown[: request.limit]
        return pb.NotificationList(account_id=cause.account_id, unread=unread, total=len(entries),
                                   notifications=[notification_pb(e) for e in shown])

    @rpc
    def MarkRead(self, request: pb.MarkReadRequest, cause: Cause) -> pb.MarkReadReply:
        marked, feed = self.notifications.mark_read(cause.account_id, list(request.ids), request.all)
        return pb.MarkReadReply(marked=marked, unread=len(feed.unread()) if feed else 0)


def register(notifications: Notifications):
    """The function ServiceRuntime.serve takes: adds this servicer to a server."""
    servicer = NotificationsServicer(notifications)
    return lambda server: notifications_pb2_grpc.add_NotificationsServicer_to_server(servicer, server)
