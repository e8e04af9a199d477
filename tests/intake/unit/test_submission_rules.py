"""The Submission aggregate's rules: team limits, fields, window, files, submit once, returns, withdrawal."""

from __future__ import annotations

import pytest

from festival_events import contracts
from festival_intake.domain.draft import Draft
from festival_intake.domain.submission import Submission
from festival_kit.aggregate import envelope_of
from festival_kit.errors import FestivalError

KINDS = {"film": "mp4", "cover": "jpeg", "poster": "jpeg", "application_form": "pdf", "copyright_declaration": "pdf"}


def refused(code: str, call, *args, **kwargs) -> FestivalError:
    with pytest.raises(FestivalError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code, caught.value
    return caught.value


@pytest.fixture
def new(rules, draft_fields):
    def make(window_open: bool = True, **changes) -> Submission:
        draft = Draft.of(**{**draft_fields, **changes})
        return Submission.draft(draft, rules, window_open, student_id="student-1", school_id="school-1",
                                region_id="region-1")

    return make


def attach(sub: Submission, rules, *slots: str) -> None:
    for slot in slots:
        upload_id = f"up-{slot}-{len(sub.pending_events)}"
        sub.upload_started(upload_id=upload_id, slot=slot, object_key=f"k/{slot}", filename=f"{slot}.bin",
                           size=1000, multipart=slot == "film", s3_upload_id="s3")
        sub.confirm_file(upload_id, rules, True, size=1000, kind=KINDS[slot], etag="e")
        sub.file_inspected(upload_id, slot, f"insp-{upload_id}", None, "pass", [])  # media-inspection passed it


REQUIRED = ("film", "cover", "application_form", "copyright_declaration")


def member(n: int) -> dict[str, str]:
    return {"name": f"学生{n}", "grade": "初二", "school": "长春市第一实验中学"}


def teacher(n: int) -> dict[str, str]:
    return {"name": f"老师{n}", "school": "长春市第一实验中学", "phone": "13800000000"}


def test_a_valid_draft(new) -> None:
    sub = new()
    assert (sub.status, sub.submission_version, sub.region_id, sub.team_frozen) == ("draft", 0, "region-1", False)
    assert sub.creators[0] == {"name": "张小明", "grade": "初二", "school": "长春市第一实验中学"}


def test_team_limits_come_from_the_rules(new, rules, make_rules, draft_fields) -> None:
    assert len(new(creators=[member(n) for n in range(8)], advisors=[teacher(1), teacher(2)]).creators) == 8
    error = refused("too_many_creators", new, creators=[member(n) for n in range(9)])
    assert "8" in error.message_zh and "9" in error.message_zh
    refused("too_many_advisors", new, advisors=[teacher(n) for n in range(3)])
    refused("too_few_creators", new, creators=[])
    wider = make_rules(team={"min_creators": 1, "max_creators": 9, "max_advisors": 3})
    Submission.draft(Draft.of(**{**draft_fields, "creators": [member(n) for n in range(9)]}), wider, True,
                     student_id="s", school_id="x", region_id=None)


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"category": "poetry"}, "unknown_category"),
        ({"theme": "太空探索"}, "unknown_theme"),
        ({"title": ""}, "bad_title"),
        ({"title": "长" * 101}, "bad_title"),
        ({"synopsis": "字" * 2001}, "synopsis_too_long"),
        ({"creators": [{"name": "名" * 21, "grade": "初二", "school": "一中"}]}, "bad_name"),
        ({"creators": [{"name": "张三", "grade": "", "school": "一中"}]}, "bad_grade"),
        ({"advisors": [{"name": "王老师", "school": "一中", "phone": "1234"}]}, "bad_phone"),
        ({"advisors": [{"name": "王老师", "school": "一中", "phone": "138 0000 0000"}]}, "bad_phone"),
    ],
)
def test_fields_are_checked(new, changes, code) -> None:
    error = refused(code, new, **changes)
    assert error.status == 422 and error.message_zh and error.message_en


def test_limits_are_inclusive(new) -> None:
    advisor = {"name": "名" * 20, "school": "一中", "phone": "+86-138"}
    sub = new(title="长" * 100, synopsis="字" * 2000, advisors=[advisor])
    assert len(sub.title) == 100


def test_no_draft_outside_the_window(new) -> None:
    assert refused("window_closed", new, window_open=False).status == 409


def test_submit_needs_every_required_file(new, rules) -> None:
    sub = new()
    attach(sub, rules, "film", "application_form", "copyright_declaration")
    error = refused("files_missing", sub.submit, rules, True)
    assert "封面" in error.message_zh and "cover" in error.message_en and "海报" not in error.message_zh
    attach(sub, rules, "cover")  # the poster is optional
    sub.submit(rules, True)
    assert (sub.status, sub.submission_version) == ("submitted", 1)


def test_submit_once_and_not_outside_the_window(new, rules) -> None:
    sub = new()
    attach(sub, rules, *REQUIRED)
    refused("window_closed", sub.submit, rules, False)
    sub.submit(rules, True)
    assert refused("already_submitted", sub.submit, rules, True).status == 409


def test_a_submitted_work_cannot_change(new, rules, draft_fields) -> None:
    sub = new()
    attach(sub, rules, *REQUIRED)
    sub.submit(rules, True)
    error = refused("not_editable", sub.edit, Draft.of(**{**draft_fields, "title": "新标题"}), rules, True)
    assert error.status == 409
    refused("not_editable", sub.check_upload_allowed, True)


def test_return_freezes_the_team_and_resubmit_is_version_2(new, rules, draft_fields) -> None:
    sub = new()
    attach(sub, rules, *REQUIRED)
    sub.submit(rules, True)
    assert sub.reopen(1, "school_admin", "cover_unclear", "封面不清晰")
    assert (sub.status, sub.team_frozen, sub.return_reason) == ("returned", True, "封面不清晰")
    swapped = {**draft_fields, "creators": [member(1)]}
    refused("team_frozen", sub.edit, Draft.of(**swapped), rules, True)
    sub.edit(Draft.of(**{**draft_fields, "title": "改过的标题", "synopsis": "新的简介"}), rules, True)
    attach(sub, rules, "cover")  # a later confirmed upload replaces the slot's file
    assert sub.files["cover"]["upload_id"].startswith("up-cover")
    sub.submit(rules, True)
    assert (sub.status, sub.submission_version, sub.title) == ("submitted", 2, "改过的标题")
    refused("already_submitted", sub.submit, rules, True)


def test_only_the_current_version_is_reopened_once(new, rules) -> None:
    sub = new()
    assert not sub.reopen(1, "school_admin", "x", "y")  # a draft was never submitted
    attach(sub, rules, *REQUIRED)
    sub.submit(rules, True)
    assert not sub.reopen(0, "school_admin", "x", "stale")
    assert sub.reopen(1, "school_admin", "x", "y")
    assert not sub.reopen(1, "school_admin", "x", "again")


def test_window_close_withdraws_unfinished_works_only(new, rules, draft_fields) -> None:
    draft, returned, submitted = new(), new(), new()
    for sub in (returned, submitted):
        attach(sub, rules, *REQUIRED)
        sub.submit(rules, True)
    returned.reopen(1, "region_admin", "x", "y")
    assert [s.withdraw_at_close() for s in (draft, returned, submitted)] == [True, True, False]
    assert [s.status for s in (draft, returned, submitted)] == ["withdrawn", "withdrawn", "submitted"]
    refused("not_editable", draft.edit, Draft.of(**draft_fields), rules, True)
    refused("not_editable", draft.submit, rules, True)
    assert not draft.withdraw_at_close()


def test_confirmation_checks_size_and_kind(new, rules) -> None:
    sub = new()
    sub.upload_started(upload_id="u1", slot="cover", object_key="k", filename="cover.png", size=500,
                       multipart=False, s3_upload_id="")
    refused("size_mismatch", sub.confirm_file, "u1", rules, True, size=499, kind="jpeg", etag="e")
    error = refused("wrong_file_type", sub.confirm_file, "u1", rules, True, size=500, kind="png", etag="e")
    assert "JPEG" in error.message_zh and "JPEG" in error.message_en and "PNG" in error.message_en
    refused("unknown_upload", sub.confirm_file, "nope", rules, True, size=500, kind="jpeg", etag="e")
    assert "cover" not in sub.files
    sub.confirm_file("u1", rules, True, size=500, kind="jpeg", etag="e")
    assert sub.files["cover"]["filename"] == "cover.png" and not sub.uploads


def test_every_event_is_published_under_its_contract(new, rules) -> None:
    sub = new()
    attach(sub, rules, *REQUIRED)
    sub.submit(rules, True)
    sub.reopen(1, "school_admin", "x", "y")
    sub.withdraw_at_close()
    envelopes = [envelope_of(e, "intake") for e in sub.collect_events()]
    first = ["SubmissionDrafted", "UploadStarted", "FileConfirmed"]
    assert [e.type for e in envelopes][:3] == first
    assert envelopes[0].schema_version == 3 and envelopes[0].payload["region_id"] == "region-1"
    assert envelopes[0].payload["voice_over"] == "mandarin"
    submitted = next(e for e in envelopes if e.type == "SubmissionSubmitted")
    assert submitted.schema_version == 2 and submitted.payload["consent_version"] is None  # the edition asks none
    assert "s3_upload_id" not in envelopes[1].payload  # S3's upload id stays in intake's store
    assert {e.type for e in envelopes[-3:]} == {"SubmissionSubmitted", "SubmissionReopened", "SubmissionWithdrawn"}
    for env in envelopes:
        assert contracts.read(env).version == env.schema_version


def test_a_v1_draft_is_upcast(new) -> None:
    state = {"edition": "jl-11", "student_id": "s", "school_id": "x", "title": "t"}
    Submission.Drafted.upcast_v1_v2(state)
    Submission.Drafted.upcast_v2_v3(state)
    assert state["region_id"] is None and state["voice_over"] == state["subtitles"] == ""


def test_earlier_events_read_with_an_open_declaration_and_no_consent(new, rules) -> None:
    sub = new()
    attach(sub, rules, *REQUIRED)
    sub.submit(rules, True)
    for env in (envelope_of(e, "intake") for e in sub.collect_events()):
        if env.type not in ("SubmissionDrafted", "DraftEdited", "SubmissionSubmitted"):
            continue
        dropped = {"voice_over", "subtitles", "consent_version"}
        old = env.model_copy(update={"schema_version": env.schema_version - 1,
                                     "payload": {k: v for k, v in env.payload.items() if k not in dropped}})
        read = contracts.read(old)
        assert (read.voice_over, read.subtitles) == ("", "")
        assert getattr(read, "consent_version", None) is None


# -- the language of the voice-over (附件 四.3) and the statements confirmed at submit (通知 三.9, 三.10) --------

CONSENT = {"version": "11-1", "copyright_zh": "共享著作权", "copyright_en": "shares copyright",
           "originality_zh": "原创", "originality_en": "original"}


def inspected_film(sub: Submission, tracks: int | None) -> None:
    """The film's report as media-inspection gives it, with the subtitle tracks it found (None: not looked)."""
    film = sub.files["film"]
    checks = [] if tracks is None else [{"id": "subtitle_track", "verdict": "pass", "measured": tracks,
                                         "expected": None, "message_zh": "", "message_en": ""}]
    film["inspection"] = {**film["inspection"], "checks": checks}


@pytest.mark.parametrize(("voice_over", "subtitles", "tracks", "code"), [
    ("", "", 0, "language_required"),
    ("dialect", "none", 0, "subtitles_required"),
    ("minority", "", 1, "subtitles_required"),
    ("dialect", "track", 0, "subtitle_track_missing"),
    ("mandarin", "track", 0, "subtitle_track_missing"),
])
def test_a_submission_declares_its_language_with_subtitles_where_needed(new, rules, voice_over, subtitles,
                                                                        tracks, code) -> None:
    sub = new(voice_over=voice_over, subtitles=subtitles)
    attach(sub, rules, *REQUIRED)
    inspected_film(sub, tracks)
    error = refused(code, sub.submit, rules, True)
    assert error.status == 422 and sub.status == "draft"
    if code == "subtitles_required":
        assert "须加同期字幕" in error.message_zh and "subtitles" in error.message_en


@pytest.mark.parametrize(("voice_over", "subtitles", "tracks"), [
    ("mandarin", "", 0), ("none", "none", None), ("dialect", "burned_in", 0), ("dialect", "track", 1),
    ("minority", "track", None),  # inspected before the check existed: nothing to hold against the film
])
def test_mandarin_and_subtitled_dialects_submit(new, rules, voice_over, subtitles, tracks) -> None:
    sub = new(voice_over=voice_over, subtitles=subtitles)
    attach(sub, rules, *REQUIRED)
    inspected_film(sub, tracks)
    sub.submit(rules, True)
    submitted = envelope_of(sub.collect_events()[-1], "intake")
    assert (submitted.payload["voice_over"], submitted.payload["subtitles"]) == (voice_over, subtitles)


@pytest.mark.parametrize(("changes", "code"), [({"voice_over": "cantonese"}, "bad_voice_over"),
                                               ({"subtitles": "open"}, "bad_subtitles")])
def test_a_draft_names_known_language_choices(new, changes, code) -> None:
    refused(code, new, **changes)


def test_the_statements_are_confirmed_in_the_editions_version(new, make_rules) -> None:
    from festival_intake.domain.consent import Consent

    rules = make_rules(consent=CONSENT)
    sub = new()
    attach(sub, rules, *REQUIRED)
    refused("consent_required", sub.submit, rules, True)
    refused("consent_required", sub.submit, rules, True, Consent("11-1", copyright=True, originality=False))
    assert refused("consent_outdated", sub.submit, rules, True, Consent("10-1", True, True)).status == 409
    assert sub.status == "draft" and sub.consent_version is None
    sub.submit(rules, True, Consent("11-1", True, True))
    submitted = envelope_of(sub.collect_events()[-1], "intake")
    assert submitted.payload["consent_version"] == "11-1" and sub.consent_version == "11-1"


def test_source_files_upload_once_asked_for_whatever_the_window_and_kind(new, rules, make_rules) -> None:
    """附件 四.4: the `source` slot takes any kind of file, multipart, up to the edition's limit, from the moment
    the province asks; the window and the work's status do not matter then."""
    from datetime import UTC, datetime

    from festival_events.contracts.award_rules import AwardRules
    from festival_intake.domain.uploads import MULTIPART_SLOTS, check_upload, limit_of

    awards = AwardRules(publish_by=datetime(2023, 11, 1, tzinfo=UTC), exhibition_by=datetime(2023, 12, 1, tzinfo=UTC),
                        source_max_bytes=5000)
    with_awards = make_rules(awards=awards)
    refused("unknown_slot", limit_of, rules, "source")  # an edition without award rules has no source slot
    assert "source" in MULTIPART_SLOTS and limit_of(with_awards, "source").max_bytes == 5000
    refused("file_too_large", check_upload, with_awards, "source", "工程.zip", 5001)
    sub = new()
    attach(sub, with_awards, *REQUIRED)
    sub.submit(with_awards, True)
    refused("source_not_requested", sub.check_upload_allowed, False, "source")
    refused("not_editable", sub.check_upload_allowed, True, "cover")
    deadline = datetime(2023, 11, 20, tzinfo=UTC)
    assert sub.source_requested(deadline, "请打包") and not sub.source_requested(deadline, "请打包")
    sub.check_upload_allowed(False, "source")  # the window closed long ago
    sub.upload_started(upload_id="up-src", slot="source", object_key="k/src", filename="工程.prproj", size=4000,
                       multipart=True, s3_upload_id="s3")
    sub.confirm_file("up-src", with_awards, False, size=4000, kind="unknown", etag="e")
    assert sub.files["source"]["filename"] == "工程.prproj" and sub.status == "submitted"
    types = [envelope_of(e, "intake").type for e in sub.collect_events()]
    assert "SubmissionSourceRequested" in types and types[-1] == "FileConfirmed"
