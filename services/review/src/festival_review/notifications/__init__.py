"""In-app notifications (issue 4 §4), kept in the review store: a feed per account, returns and reminders.

`install(runtime, app)` wires it into the review process: the Notifications gRPC service, its own durable
consumer "review-notifications" (it needs review's own WorkReturned and RegionTableFiled, which review's
main consumer does not hear), and the reminder scheduler.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from festival_review.notifications import servicer
from festival_review.notifications.application import Notifications
from festival_review.notifications.policies import CONSUMER, SUBJECTS
from festival_review.notifications.scheduler import reminder_scheduler

if TYPE_CHECKING:
    from festival_kit.application import FestivalApplication
    from festival_kit.runtime import ServiceRuntime


def install(runtime: ServiceRuntime, app: FestivalApplication) -> Notifications:
    """Serve, consume and remind on the runtime of `app` (the review application); returns the notifier."""
    notifications = Notifications(app)
    runtime.serve(servicer.register(notifications), servicer.SERVICE_NAME)
    runtime.consume(CONSUMER, SUBJECTS, notifications.handlers())
    runtime.background(reminder_scheduler(notifications))
    return notifications


__all__ = ["CONSUMER", "SUBJECTS", "Notifications", "install"]
