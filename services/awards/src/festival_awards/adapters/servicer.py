"""festival.awards.v1.Awards over gRPC: thin translation between messages and the application."""

from __future__ import annotations

from datetime import datetime, timedelta

from festival.awards.v1 import awards_pb2 as pb
from festival.awards.v1 import awards_pb2_grpc
from festival_awards.adapters.messages import award_list_pb, certificate_fields, certificate_pb, public_list_pb
from festival_awards.adapters.pdf import certificate_pdf, certificates_zip
from festival_awards.application import AwardsApplication
from festival_awards.domain import refusals
from festival_awards.domain.awards import Awards
from festival_awards.domain.certificate import Certificate
from festival_kit import clock
from festival_kit.context import Cause
from festival_kit.errors import FestivalError
from festival_kit.links import Links
from festival_kit.rpc import rpc
from festival_kit.settings import Settings

SERVICE_NAME = "festival.awards.v1.Awards"


def parse_moment(text: str) -> datetime:
    """An ISO 8601 moment with its offset; anything else is refused as the deadline it was meant to be."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise FestivalError("bad_deadline", "期限须为带时区的日期时间，例如 2023-11-15T23:59+08:00。",
                            "The deadline must be a date and time with its offset, e.g. 2023-11-15T23:59+08:00.",
                            422)
    return moment
EXHIBITION_LINKS = timedelta(hours=24)  # a region copies the films for its schools within a day
SHOWN = ("film", "cover", "poster")


class AwardsServicer(awards_pb2_grpc.AwardsServicer):
    """Each method reads its request, calls one application method and answers with a message."""

    def __init__(self, app: AwardsApplication, settings: Settings):
        self.app, self.links, self.base = app, Links(settings, EXHIBITION_LINKS), settings.public_base()

    # -- helpers -----------------------------------------------------------------------------------------------

    def _names(self, awards: Awards) -> dict[str, tuple[str, str, str]]:
        directory = self.app.directory()
        works = {w: self.app.nominee(w) for w in awards.tier_of}
        return {w: (n.title, directory.school_name(n.school_id), directory.region_name(n.region_id))
                for w, n in works.items()}

    def _list(self, awards: Awards, stale: bool = False) -> pb.AwardList:
        return award_list_pb(awards, self._names(awards), stale)

    def _rules(self, edition: str):
        return self.app.edition_of(edition).rules

    def _pdf(self, c: Certificate) -> bytes:
        return certificate_pdf(certificate_fields(c, self._rules(c.edition)), f"{self.base}/web/certificates/{c.code}")

    # -- the province ------------------------------------------------------------------------------------------

    @staticmethod
    def _source(request, work) -> pb.SourceRequest:
        received = request.received or {}
        return pb.SourceRequest(
            work_id=request.submission_id, title=work.title if work else "", category=work.category if work else "",
            tier=request.tier, requested_at=request.requested_at.isoformat(), deadline=request.deadline.isoformat(),
            note=request.note, status=request.status(clock.now()), filename=received.get("filename", ""),
            size=received.get("size", 0), received_at=received["at"].isoformat() if received else "",
            late=received.get("late", False))

    @rpc
    def RequestSource(self, request: pb.SourceRequestRequest, cause: Cause) -> pb.SourceRequest:
        deadline = parse_moment(request.deadline)
        asked = self.app.request_source(cause, request.work_id, deadline, request.note, request.edition)
        return self._source(asked, self.app.nominee(request.work_id))

    @rpc
    def ListSourceRequests(self, request: pb.EditionRequest, cause: Cause) -> pb.SourceRequestList:
        found = self.app.source_requests(cause, request.edition)
        return pb.SourceRequestList(requests=[self._source(r, w) for r, w in found])

    @rpc
    def Compute(self, request: pb.ListRequest, cause: Cause) -> pb.AwardList:
        return self._list(self.app.compute(cause, request.scope, request.edition))

    @rpc
    def GetDraft(self, request: pb.ListRequest, cause: Cause) -> pb.AwardList:
        return self._list(*self.app.draft(cause, request.scope, request.edition))

    @rpc
    def Publish(self, request: pb.PublishRequest, cause: Cause) -> pb.AwardLists:
        lists = self.app.publish(cause, request.note, request.scope, request.edition)
        return pb.AwardLists(lists=[self._list(a) for a in lists])

    @rpc
    def Correct(self, request: pb.CorrectRequest, cause: Cause) -> pb.AwardList:
        return self._list(self.app.correct(cause, request.work_id, request.tier, request.reason, request.edition))

    @rpc
    def Honour(self, request: pb.HonourRequest, cause: Cause) -> pb.HonourList:
        kind, r = request.kind, request
        if kind == "advisor":
            honours = self.app.honour_advisor(cause, r.name, r.reason, r.edition)
        elif kind == "organiser":
            honours = self.app.honour_organiser(cause, r.name, r.region_id, r.school_id, r.reason, r.edition)
        else:
            honours = self.app.honour_unit(cause, r.unit, r.school_id if r.unit == "school" else r.region_id,
                                           r.reason, r.edition)
        return self._honours(honours)

    @rpc
    def ListHonours(self, request: pb.EditionRequest, cause: Cause) -> pb.HonourList:
        return self._honours(self.app.honours_of(cause, request.edition))

    def _honours(self, honours) -> pb.HonourList:
        directory, out = self.app.directory(), []
        for h in honours.advisors.values():
            titles = [self.app.nominee(w).title for w in h["work_ids"]]
            out.append(pb.Honour(kind="advisor", name=h["name"], school=h["school"], work_titles=titles,
                                 reason=h["reason"]))
        for h in honours.organisers.values():
            out.append(pb.Honour(kind="organiser", name=h["name"], school=directory.school_name(h["school_id"]),
                                 region_name=directory.region_name(h["region_id"]), reason=h["reason"]))
        for h in honours.units.values():
            out.append(pb.Honour(kind="unit", name=h["name"], region_name=directory.region_name(h["region_id"]),
                                 reason=h["reason"]))
        return pb.HonourList(honours=out)

    @rpc
    def Participation(self, request: pb.ParticipationRequest, cause: Cause) -> pb.ParticipationReport:
        rows = self.app.participation(cause, request.region_id, request.edition)
        return pb.ParticipationReport(published=any(r["published"] for r in rows), rows=[pb.ParticipationRow(
            region_id=r["region_id"], region_name=r["region_name"], school_id=r["school_id"],
            school_name=r["school_name"], submitted=r["submitted"], qualified=r["qualified"], best=r["tiers"]["best"],
            excellent=r["tiers"]["excellent"], finalist=r["tiers"]["finalist"], filed_at=r["filed_at"],
            filed_on_time=r["filed_on_time"]) for r in rows])

    # -- anyone ------------------------------------------------------------------------------------------------

    @rpc
    def GetPublicResults(self, request: pb.ListRequest, cause: Cause) -> pb.PublicResults:
        view = self.app.edition_of(self.app.edition_code(request.edition))
        lists = self.app.public_results(request.scope, view.edition)
        names = {c.code: c.name_zh for c in view.rules.categories}
        return pb.PublicResults(edition=view.edition, edition_name_zh=view.rules.name_zh, lists=[
            public_list_pb(a, names.get(a.scope, "全部作品"), self._names(a)) for a in lists])

    @rpc
    def Verify(self, request: pb.CodeRequest, cause: Cause) -> pb.Certificate:
        found = self.app.verify(request.code)
        return certificate_pb(found, self._rules(found.edition), with_scope=False)

    # -- certificates for their owners (the gateway checks the scope on what comes back) -----------------------

    @rpc
    def ListCertificates(self, request: pb.CertificatesRequest, cause: Cause) -> pb.CertificateList:
        found = self.app.certificates(cause, request.student_id, request.school_id, request.region_id,
                                      request.edition)
        return pb.CertificateList(certificates=[certificate_pb(c, self._rules(c.edition)) for c in found])

    @rpc
    def GetCertificatePdf(self, request: pb.CodeRequest, cause: Cause) -> pb.CertificateDocument:
        found = self.app.verify(request.code)
        return pb.CertificateDocument(certificate=certificate_pb(found, self._rules(found.edition)),
                                      pdf=self._pdf(found))

    @rpc
    def CertificatesZip(self, request: pb.CertificatesRequest, cause: Cause) -> pb.Document:
        found = [c for c in self.app.certificates(cause, request.student_id, request.school_id, request.region_id,
                                                  request.edition) if not c.revoked]
        name = request.school_id or request.region_id or request.student_id or "all"
        documents = [(f"{c.award}-{c.code}.pdf", self._pdf(c)) for c in found]
        return pb.Document(filename=f"certificates-{name}.zip", media_type="application/zip",
                           content=certificates_zip(documents))

    # -- the exhibition ----------------------------------------------------------------------------------------

    @rpc
    def ReleaseExhibition(self, request: pb.ReleaseRequest, cause: Cause) -> pb.ExhibitionRelease:
        exhibition = self.app.release_exhibition(cause, request.region_id, request.note, request.edition)
        released = exhibition.released[request.region_id]
        return pb.ExhibitionRelease(region_id=request.region_id, released_at=released["at"].isoformat(),
                                    works=len(released["work_ids"]))

    @rpc
    def GetExhibition(self, request: pb.ExhibitionRequest, cause: Cause) -> pb.Exhibition:
        if not request.region_id:
            raise refusals.not_released()
        released, works = self.app.exhibition(cause, request.region_id, request.edition)
        directory = self.app.directory()
        shown = [pb.ExhibitedWork(
            work_id=w.submission_id, title=w.title, category=w.category, school_name=directory.school_name(w.school_id),
            region_name=directory.region_name(w.region_id), creators=w.creators,
            files=[pb.FileLink(slot=slot, url=url, expires_at=expires) for slot in SHOWN if slot in w.files
                   for url, expires in [self.links.get(w.files[slot])]]) for w in works]
        return pb.Exhibition(region_id=request.region_id, note=released["note"],
                             released_at=released["at"].isoformat(), works=shown)

    @rpc
    def ListReminders(self, request: pb.EditionRequest, cause: Cause) -> pb.ReminderList:
        found = self.app.reminders_of(cause, request.edition)
        return pb.ReminderList(reminders=[pb.Reminder(deadline=r["deadline"], due=r["due"].isoformat(),
                                                      message_zh=r["message_zh"], message_en=r["message_en"])
                                          for r in found])


def register(app: AwardsApplication, settings: Settings):
    """The servicer-adding function the runtime calls with the gRPC server."""
    servicer = AwardsServicer(app, settings)
    return lambda server: awards_pb2_grpc.add_AwardsServicer_to_server(servicer, server)
