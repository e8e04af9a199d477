"""Notifications (站内通知): every signed-in account reads and marks its own feed, and nobody else's."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from festival.review.v1 import notifications_pb2
from festival_gateway.clients import Caller, Services
from festival_gateway.convert import to_json
from festival_gateway.convert_review import MarkRead
from festival_gateway.deps import caller, services
from festival_gateway.routes.common import errors

router = APIRouter(prefix="/notifications", tags=["通知 / notifications"])


@router.get(
    "", summary="我的通知 / My notifications", responses=errors(401),
    description="本人的站内通知（最新在前）及未读数：作品被退回的原因、截止前三天和一天的提醒等。\n\n"
    "Your own notifications, newest first, with the unread count: why a work was returned, reminders three "
    "days and one day before each deadline.",
)
async def list_notifications(limit: Annotated[int, Query(ge=0, le=500, description="最多条数，0 为全部 / 0: all")] = 0,
                             unread_only: bool = False, who: Caller = Depends(caller),
                             svc: Services = Depends(services)) -> dict:
    request = notifications_pb2.ListNotificationsRequest(limit=limit, unread_only=unread_only)
    return to_json(await svc.notifications.ListNotifications(request, **who.call()))


@router.post(
    "/read", summary="标记已读 / Mark read", responses=errors(401, 404),
    description="把本人的通知标记为已读（ids 或 all=true）；不在本人通知中的编号返回 404。\n\n"
    "Mark your notifications read (by id, or all=true); an id not in your feed is 404.",
)
async def mark_read(body: MarkRead, who: Caller = Depends(caller), svc: Services = Depends(services)) -> dict:
    request = notifications_pb2.MarkReadRequest(ids=body.ids, all=body.all)
    return to_json(await svc.notifications.MarkRead(request, **who.call()))
