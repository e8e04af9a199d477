"""The accounts, schools and works the authorisation matrix calls with, on the session's stack, and the request
each cell sends: which resource "in" and "out" of scope name, and a body that validates.

Nothing here touches what the other tests rely on: the clock is not moved, the demo accounts are never suspended,
logged out or given a new password; whatever a cell writes lands on throwaway accounts and works.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

import media
from authorization_table import ANONYMOUS, AUDITOR, JUDGE, PENDING, PROVINCE, REGION, SCHOOL, STUDENT
from flows import DRAFT, login, prepared_work, submit_when_inspected

PASSWORD = "matrix-pass-2026"

# The resource a role's "in" and "out" cells name, by kind; roles not listed use the default (their "in" only).
WORKS = {STUDENT: ("own_work", "mate_work"), SCHOOL: ("own_work", "neighbour_work"),
         REGION: ("neighbour_work", "far_work"), None: ("own_work",)}
REGIONS = {REGION: ("home_region", "far_region"), None: ("home_region",)}
APPLICANTS = {REGION: ("applicant_in", "applicant_out"), None: ("applicant_in",)}
RESETS = {SCHOOL: ("mate", "neighbour"), REGION: ("neighbour", "far"), PROVINCE: ("far", "province"), None: ("mate",)}
SUSPENDEE = {None: ("suspendee",)}
ACCOUNTS = {"/accounts/{account_id}/decision": APPLICANTS, "/accounts/{account_id}/password": RESETS}
# A list's "out" cell asks for a filter outside the role's scope: (query parameter, resource).
OTHERS_WORKS = {STUDENT: ("student_id", "mate"), SCHOOL: ("school_id", "neighbour_school"),
                REGION: ("region_id", "far_region")}
OTHER_REGION = {REGION: ("region_id", "far_region")}
# "wider": another school for a student, another region for a school admin.
WIDER = {STUDENT: ("school_id", "neighbour_school"), SCHOOL: ("region_id", "far_region")}
FILTERS = {
    ("GET", "/works"): OTHERS_WORKS,
    ("GET", "/awards/certificates"): OTHERS_WORKS,
    ("GET", "/accounts"): {SCHOOL: ("region_id", "far_region"), **OTHER_REGION},  # listed by region only
    ("GET", "/review/queue"): {SCHOOL: ("school_id", "neighbour_school"), **OTHER_REGION},
    ("GET", "/awards/certificates.zip"): {SCHOOL: ("school_id", "neighbour_school"), **OTHER_REGION},
    ("GET", "/awards/participation"): OTHER_REGION,
    ("GET", "/awards/exhibition"): OTHER_REGION,
    ("GET", "/awards/exhibition.zip"): OTHER_REGION,
}
# What a scoped role's list items share with the caller's account: (item field, account field).
HOLDS = {STUDENT: ("student_id", "id"), SCHOOL: ("school_id", "school_id"), REGION: ("region_id", "region_id")}
QUERIES = {
    ("POST", "/awards/compute"): {"category": "no-such-category"},  # refused after the role check: nothing ranked
    ("GET", "/awards/draft"): {"category": "documentary"},
    ("GET", "/audit/proofs/inclusion"): {"event_id": "no-such-event"},
    ("GET", "/audit/proofs/consistency"): {"from": 1},
    ("GET", "/review/queue"): {"view": "all"},  # everything in the caller's scope, not only what waits for them
}


# Writes without a body, and why they harm nothing: logout ends a token fetched for it alone; reactivate names the
# throwaway student to suspend (active still: 409); assignment and a sheet's submit name no round or assignment (none
# exists before August: 404); signing a checkpoint adds only the audit service's own record.
def body_of(world: World, method: str, path: str, role: str, scope: str) -> dict | None:
    """A body that validates, so the role check is reached; where a cell that passes would change shared state,
    one the service refuses for a harmless reason after that check (each such choice says why)."""
    username, password = world.credentials[role]
    taken = world.credentials[STUDENT][0]
    person = {"password": PASSWORD, "display_name": "矩阵测试"}
    bodies = {
        ("POST", "/auth/login"): {"username": username, "password": password},
        # the caller's real password and a new one containing the username: 422 weak_password, nothing changes
        ("POST", "/auth/password"): {"current_password": password, "new_password": f"{username}-0123456789"},
        # sign-ups and issued accounts under a taken username: 409, no account is opened
        ("POST", "/accounts/students"): {"username": taken, **person, "school_id": world.ids["home_school"]},
        ("POST", "/accounts/school-admins"): {"username": taken, **person, "region_id": world.ids["home_region"],
                                               "school_name": "矩阵测试学校"},
        ("POST", "/accounts/region-admins"): {"username": taken, **person, "region_id": world.ids["home_region"]},
        ("POST", "/accounts/judges"): {"username": taken, **person},
        ("POST", "/accounts/{account_id}/decision"): {"approve": False, "reason": "矩阵测试：不予通过"},  # throwaways
        ("POST", "/accounts/{account_id}/suspend"): {"reason": "矩阵测试"},  # a throwaway student of the matrix's
        ("POST", "/accounts/{account_id}/password"): {"new_password": "1234567890"},  # common: 422, nothing changes
        # the throwaway student's own work, returned by the school: edited, a new upload asked, no consent (422)
        ("POST", "/works"): {**DRAFT, "title": "矩阵测试新草稿"},
        ("PUT", "/works/{work_id}"): DRAFT,
        ("POST", "/works/{work_id}/submit"): {},
        ("POST", "/works/{work_id}/files/{slot}/uploads"): {"filename": "封面.jpg", "size": 1000},
        ("POST", "/works/{work_id}/uploads/{upload_id}/renew"): {"part_numbers": []},  # no such upload
        ("POST", "/works/{work_id}/uploads/{upload_id}/confirm"): {"parts": []},  # no such upload
        # throwaway works: the school's own was returned already, the region's waits at its school (409 both)
        ("POST", "/works/{work_id}/review/school"): {"action": "forward"},
        ("POST", "/works/{work_id}/review/region"): {"action": "forward"},
        ("POST", "/works/{work_id}/review/province"): {"action": "qualify"},  # before the region deadline: 409
        ("POST", "/regions/{region_id}/statistics/filing"): {"sha256": "0" * 64},  # not the table's: refused
        ("POST", "/notifications/read"): {"ids": [world.notification(role, scope)]},  # marks one's own read
        # judging and awards: no round, assignment, certificate or award exists in June; nothing is created
        ("POST", "/judging/rounds"): {"category": "no-such-category"},
        ("PUT", "/judging/rounds/{round_id}/judges"): {"judge_ids": []},
        ("POST", "/judging/rounds/{round_id}/close"): {"reason": "矩阵测试"},
        ("PUT", "/judging/assignments/{assignment_id}/sheet"): {"points": {}},
        ("POST", "/judging/assignments/{assignment_id}/conflict"): {"reason": "矩阵测试"},
        ("POST", "/awards/publish"): {"category": "no-such-category"},  # and judging is not over: nothing published
        ("POST", "/awards/corrections"): {"work_id": world.ids["own_work"], "tier": "best", "reason": "矩阵测试"},
        ("POST", "/awards/source-requests"): {"work_id": world.ids["own_work"],
                                               "deadline": "2023-12-01T00:00:00+08:00"},
        ("POST", "/awards/honours"): {"kind": "advisor", "name": "矩阵测试老师"},  # advises no best work: refused
        ("POST", "/awards/exhibition/releases"): {"region_id": "no-such-region"},
        ("POST", "/audit/runs"): {"kind": "verify"},  # reads the log; a second while one runs is 409
    }
    return bodies.get((method, path))


@dataclass
class Request:
    url: str
    query: dict = field(default_factory=dict)
    body: dict | None = None
    headers: dict = field(default_factory=dict)


@dataclass
class World:
    """The accounts and works the matrix calls with: role -> credentials and token, resource name -> id."""

    client: httpx.Client
    credentials: dict[str, tuple[str, str]]
    tokens: dict[str, dict]
    ids: dict[str, str]
    me: dict[str, dict] = field(default_factory=dict)

    def pick(self, kinds: dict, role: str, scope: str) -> str:
        named = kinds.get(role, kinds[None])
        return self.ids[named[0 if scope == "in" else 1]]

    def path_value(self, name: str, path: str, role: str, scope: str) -> str:
        if name == "work_id":
            return self.pick(WORKS, role, scope)
        if name == "region_id":
            return self.pick(REGIONS, role, scope)
        if name == "account_id":
            return self.pick(ACCOUNTS.get(path, SUSPENDEE), role, scope)
        return {"slot": "cover", "form": "application_form"}.get(name, f"no-such-{name.replace('_', '-')}")

    def request(self, method: str, path: str, role: str, scope: str) -> Request:
        url = path
        for name in [part.split("}")[0] for part in path.split("{")[1:]]:
            url = url.replace("{" + name + "}", self.path_value(name, path, role, scope))
        query = dict(QUERIES.get((method, path), {}))
        if scope == "wider":
            key, named = WIDER[role]
            query[key] = self.ids[named]
        elif scope == "out" and (method, path) in FILTERS:
            key, named = FILTERS[(method, path)][role]
            query[key] = self.ids[named]
        headers = self.fresh_token(role) if (method, path) == ("POST", "/auth/logout") else self.tokens[role]
        return Request(url, query, body_of(self, method, path, role, scope), headers)

    def notification(self, role: str, scope: str) -> str:
        """The student's own notification "in", a schoolmate's "out"; other roles have none of their own."""
        if scope == "out":
            return self.ids["mate_notification"]
        return self.ids["own_notification"] if role == STUDENT else "no-such-notification"

    def fresh_token(self, role: str) -> dict:
        """A token of its own for the logout cell, so that the role's token goes on working."""
        return self.sign_in(role) if self.tokens[role] else {}

    def sign_in(self, role: str) -> dict:
        return sign_in(self.client, *self.credentials[role])


def sign_in(client: httpx.Client, username: str, password: str) -> dict:
    """The bearer header of a fresh token, or none when the login is refused."""
    reply = client.post("/auth/login", json={"username": username, "password": password})
    return {"Authorization": f"Bearer {reply.json()['token']}"} if reply.status_code == 200 else {}


def created(reply: httpx.Response) -> dict:
    assert reply.status_code in (200, 201), reply.text
    return reply.json()


def build_world(client: httpx.Client, stack, tmp_path: Path) -> World:
    """The demo admins, judge and auditor; throwaway students, schools, applicants and works around them. The four
    students' works are submitted (review has a case for each); the school returns two, so their students each have
    a notification."""
    tag = secrets.token_hex(3)
    name = lambda who: f"e2e-mx-{tag}-{who}"  # noqa: E731
    tokens = {role: login(client, stack, role) for role in (SCHOOL, REGION, PROVINCE, JUDGE, AUDITOR)}
    home = created(client.get("/me", headers=tokens[SCHOOL]))
    regions = [r["id"] for r in created(client.get("/regions"))["regions"]]
    ids = {"home_region": home["region_id"], "home_school": home["school_id"],
           "far_region": next(r for r in regions if r != home["region_id"]),
           "province": created(client.get("/me", headers=tokens[PROVINCE]))["id"]}
    pending = open_accounts(client, tokens, ids, name, tag)
    credentials = {role: (stack.demo_accounts()[role], stack.demo_password()) for role in tokens}
    credentials |= {STUDENT: (name("student"), PASSWORD), ANONYMOUS: (name("mate"), PASSWORD),
                    PENDING: (pending, PASSWORD)}
    world = World(client, credentials, {**tokens, ANONYMOUS: {}}, ids)
    world.tokens[STUDENT] = world.sign_in(STUDENT)
    world.tokens[PENDING] = world.sign_in(PENDING)  # refused (account_pending): the pending admin holds no token
    auths = submitted_works(world, tmp_path, {"own_work": "student", "mate_work": "mate",
                                              "neighbour_work": "neighbour", "far_work": "far"}, name)
    for work, notice in (("own_work", "own_notification"), ("mate_work", "mate_notification")):
        world.ids[notice] = returned_with_notice(world, work, auths[work])
    world.me = {role: created(client.get("/me", headers=world.tokens[role])) for role in HOLDS}
    return world


def open_accounts(client: httpx.Client, tokens: dict, ids: dict, name, tag: str) -> str:
    """A second school of the demo region and one of another region (approved by a region admin issued for it), a
    student at each, the throwaway student, a schoolmate and one to suspend at the demo school, a pending applicant
    of each region besides the pending admin of the matrix; returns that admin's username."""
    person = {"password": PASSWORD, "display_name": "矩阵测试"}

    def applicant(who: str, region_id: str) -> dict:
        form = {"username": name(who), **person, "region_id": region_id, "school_name": f"矩阵测试{tag}{who}学校"}
        return created(client.post("/accounts/school-admins", json=form))

    def approved_school(who: str, region_id: str, approver: dict) -> str:
        admin = applicant(who, region_id)
        created(client.post(f"/accounts/{admin['id']}/decision", json={"approve": True}, headers=approver))
        return admin["school_id"]

    far_admin = {"username": name("far-region"), **person, "region_id": ids["far_region"]}
    created(client.post("/accounts/region-admins", json=far_admin, headers=tokens[PROVINCE]))
    ids["neighbour_school"] = approved_school("neighbour-admin", ids["home_region"], tokens[REGION])
    ids["far_school"] = approved_school("far-admin", ids["far_region"], sign_in(client, name("far-region"), PASSWORD))
    for who, school in (("student", "home_school"), ("mate", "home_school"), ("suspendee", "home_school"),
                        ("neighbour", "neighbour_school"), ("far", "far_school")):
        form = {"username": name(who), **person, "school_id": ids[school]}
        ids[who] = created(client.post("/accounts/students", json=form))["id"]
    ids["applicant_in"] = applicant("applicant-in", ids["home_region"])["id"]
    ids["applicant_out"] = applicant("applicant-out", ids["far_region"])["id"]
    return applicant("pending", ids["home_region"])["username"]


def submitted_works(world: World, tmp_path: Path, owners: dict[str, str], name) -> dict[str, dict]:
    """Each owner's work drafted, its files uploaded, submitted once inspected, and known to review; returns work ->
    its owner's bearer header."""
    client = world.client
    film = media.film(tmp_path / "film.mp4", seconds=2).read_bytes()
    cover = media.image(640, 480)
    auths = {}
    for work, who in owners.items():
        auths[work] = sign_in(client, name(who), PASSWORD)
        world.ids[work] = prepared_work(client, auths[work], film, cover, f"矩阵测试{who}的作品")
    for work in owners:
        submit_when_inspected(client, auths[work], world.ids[work])
    deadline = time.monotonic() + 60
    for work in owners:
        while client.get(f"/works/{world.ids[work]}/timeline", headers=world.tokens[PROVINCE]).status_code != 200:
            assert time.monotonic() < deadline, "review never heard of the matrix's works"
            time.sleep(0.3)
    return auths


def returned_with_notice(world: World, work: str, owner: dict) -> str:
    """The school returns the work; the id of the notification its student then finds in their feed."""
    client, deadline = world.client, time.monotonic() + 30
    back = {"action": "return", "reason_code": "information_incorrect", "reason": "矩阵测试：请补充简介"}
    created(client.post(f"/works/{world.ids[work]}/review/school", json=back, headers=world.tokens[SCHOOL]))
    while not (feed := created(client.get("/notifications", headers=owner))["notifications"]):
        assert time.monotonic() < deadline, "the returned work's student was never told"
        time.sleep(0.3)
    return feed[0]["id"]
