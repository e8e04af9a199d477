"""Who may call what (issue 12, item 2): one row per operation of the gateway's OpenAPI, one cell per role and scope.

Classes of answer, the only values a cell holds:
- `OK`: passes authorisation: any answer but 401 and 403, so 2xx, 404 for a missing resource, 409, or a 422 from a
  service's own rule. Never a 5xx, a 422 `invalid_request` (the gateway validates a body before the route checks the
  role, so a body that did not validate proves nothing), a 400 or a 404 `route_not_found`.
- `DENIED`: 403 (`forbidden`, or a service's own refusal of the caller: `wrong_school`, `wrong_region`...).
- `ANONYMOUS_401`: 401, the answer to a request without a valid token.
- `HIDDEN`: 404 for a resource that exists outside the caller's scope. The gateway's rule is 403 for that (scope.py);
  only a notification, which belongs to one feed, is "not in your feed" (routes/notifications.py) for anyone else.

Scopes: "in" is a resource inside the role's scope, "out" the nearest one outside it (a student: a schoolmate's work;
a school admin: a work of another school of the region; a region admin: a work, region or school admin applicant of
another region). A list's "out" asks for a filter outside the scope; its "wider" one, for a student or school admin,
asks for another school or region, which their token also names. Roles that see everything, and roles refused
everywhere, have "in" only.

A pending school admin cannot sign in (login answers 403 account_pending): without a token every other cell of that
column is a 401, which the table says, so that the day pending admins get tokens the column must be thought through.
"""

from __future__ import annotations

OK, DENIED, ANONYMOUS_401, HIDDEN = "ok", "403", "401", "404"
ANONYMOUS, STUDENT, SCHOOL, PENDING = "anonymous", "student", "school_admin", "pending_school_admin"
REGION, PROVINCE, JUDGE, AUDITOR = "region_admin", "province_admin", "judge", "auditor"
ROLES = (ANONYMOUS, STUDENT, SCHOOL, PENDING, REGION, PROVINCE, JUDGE, AUDITOR)
SIGNED_IN = (STUDENT, SCHOOL, REGION, PROVINCE, JUDGE, AUDITOR)
EVERYWHERE = (PROVINCE, AUDITOR)
WORK_READERS = dict(scoped=(STUDENT, SCHOOL, REGION), ok=EVERYWHERE)
WORK_LISTS = dict(WORK_READERS, wider=(STUDENT, SCHOOL))

Cells = dict[tuple[str, str], str]  # (role, scope) -> class


def public(**override: str) -> Cells:
    """Anyone, signed in or not."""
    return {**{(role, "in"): OK for role in ROLES}, **{(role, "in"): c for role, c in override.items()}}


def signed_in(ok: tuple[str, ...] = (), scoped: tuple[str, ...] = (), wider: tuple[str, ...] = ()) -> Cells:
    """A token is needed; `ok` roles pass anywhere, `scoped` roles inside their scope only (and `wider` of them are
    refused a filter naming another school or region too), the others are refused."""
    cells = {(role, "in"): ANONYMOUS_401 for role in (ANONYMOUS, PENDING)}
    for role in SIGNED_IN:
        cells[(role, "in")] = OK if role in ok + scoped else DENIED
        cells |= {(role, scope): DENIED for scope, roles in (("out", scoped), ("wider", wider)) if role in roles}
    return cells


def only(*roles: str) -> Cells:
    return signed_in(ok=roles)


TABLE: dict[tuple[str, str], Cells] = {
    ("POST", "/auth/login"): public(pending_school_admin=DENIED),
    ("POST", "/auth/logout"): only(*SIGNED_IN),
    ("POST", "/auth/password"): only(*SIGNED_IN),
    ("GET", "/me"): only(*SIGNED_IN),
    ("POST", "/accounts/students"): public(),
    ("POST", "/accounts/school-admins"): public(),
    ("GET", "/accounts"): signed_in(ok=EVERYWHERE, scoped=(SCHOOL, REGION)),
    ("POST", "/accounts/{account_id}/decision"): signed_in(scoped=(REGION,)),
    ("POST", "/accounts/region-admins"): only(PROVINCE),
    ("POST", "/accounts/judges"): only(PROVINCE),
    ("POST", "/accounts/{account_id}/suspend"): only(PROVINCE),
    ("POST", "/accounts/{account_id}/reactivate"): only(PROVINCE),
    # the province resets any account but a province admin's: its "out" is its own (changed, never reset)
    ("POST", "/accounts/{account_id}/password"): signed_in(scoped=(SCHOOL, REGION, PROVINCE)),
    ("GET", "/edition"): public(),
    ("GET", "/regions"): public(),
    ("GET", "/schools"): public(),
    ("POST", "/works"): only(STUDENT),
    ("GET", "/works"): signed_in(**WORK_LISTS),
    ("GET", "/works/{work_id}"): signed_in(**WORK_READERS),
    ("PUT", "/works/{work_id}"): signed_in(scoped=(STUDENT,)),
    ("POST", "/works/{work_id}/submit"): signed_in(scoped=(STUDENT,)),
    ("POST", "/works/{work_id}/files/{slot}/uploads"): signed_in(scoped=(STUDENT,)),
    ("POST", "/works/{work_id}/uploads/{upload_id}/renew"): signed_in(scoped=(STUDENT,)),
    ("POST", "/works/{work_id}/uploads/{upload_id}/confirm"): signed_in(scoped=(STUDENT,)),
    ("GET", "/works/{work_id}/forms/{form}"): signed_in(**WORK_READERS),
    ("GET", "/works/{work_id}/files/{slot}"): signed_in(**WORK_READERS),
    ("POST", "/works/{work_id}/review/school"): signed_in(scoped=(SCHOOL,)),
    ("POST", "/works/{work_id}/review/region"): signed_in(scoped=(REGION,)),
    ("POST", "/works/{work_id}/review/province"): only(PROVINCE),
    ("GET", "/review/queue"): signed_in(ok=EVERYWHERE, scoped=(SCHOOL, REGION), wider=(SCHOOL,)),
    ("GET", "/works/{work_id}/timeline"): signed_in(**WORK_READERS),
    ("GET", "/review/reason-codes"): only(*SIGNED_IN),
    ("GET", "/regions/{region_id}/statistics.xlsx"): signed_in(ok=EVERYWHERE, scoped=(REGION,)),
    ("POST", "/regions/{region_id}/statistics/filing"): signed_in(scoped=(REGION,)),
    ("GET", "/review/filings"): only(*EVERYWHERE),
    ("GET", "/notifications"): only(*SIGNED_IN),
    # a notification is the feed's own: one of another account's feed is "not in your feed" (404), for everyone
    ("POST", "/notifications/read"): {**only(*SIGNED_IN), **{(role, "out"): HIDDEN for role in SIGNED_IN}},
    ("POST", "/judging/rounds"): only(PROVINCE),
    ("GET", "/judging/rounds"): only(*EVERYWHERE),
    ("GET", "/judging/rounds/{round_id}"): only(*EVERYWHERE),
    ("PUT", "/judging/rounds/{round_id}/judges"): only(PROVINCE),
    ("POST", "/judging/rounds/{round_id}/assignment"): only(PROVINCE),
    ("POST", "/judging/rounds/{round_id}/close"): only(PROVINCE),
    ("GET", "/judging/rounds/{round_id}/progress"): only(*EVERYWHERE),
    ("GET", "/judging/rounds/{round_id}/results"): only(*EVERYWHERE),
    ("GET", "/judging/rounds/{round_id}/report"): only(*EVERYWHERE),
    ("GET", "/judging/assignments"): only(JUDGE),
    ("GET", "/judging/assignments/{assignment_id}"): only(JUDGE),
    ("PUT", "/judging/assignments/{assignment_id}/sheet"): only(JUDGE),
    ("POST", "/judging/assignments/{assignment_id}/submit"): only(JUDGE),
    ("POST", "/judging/assignments/{assignment_id}/conflict"): only(JUDGE),
    ("POST", "/awards/compute"): only(PROVINCE),
    ("GET", "/awards/draft"): only(*EVERYWHERE),
    ("POST", "/awards/publish"): only(PROVINCE),
    ("POST", "/awards/corrections"): only(PROVINCE),
    ("POST", "/awards/source-requests"): only(PROVINCE),
    ("GET", "/awards/source-requests"): only(*EVERYWHERE),
    ("POST", "/awards/honours"): only(PROVINCE),
    ("GET", "/awards/honours"): only(*EVERYWHERE),
    ("GET", "/awards/reminders"): only(*EVERYWHERE),
    ("GET", "/awards/participation"): signed_in(ok=EVERYWHERE, scoped=(REGION,)),
    ("POST", "/awards/exhibition/releases"): only(PROVINCE),
    ("GET", "/awards/exhibition"): signed_in(ok=EVERYWHERE, scoped=(REGION,)),
    ("GET", "/awards/exhibition.zip"): signed_in(ok=EVERYWHERE, scoped=(REGION,)),
    ("GET", "/awards/certificates"): signed_in(**WORK_LISTS),
    ("GET", "/awards/certificates.zip"): signed_in(ok=EVERYWHERE, scoped=(SCHOOL, REGION), wider=(SCHOOL,)),
    # No certificate exists before the awards are published: one scope, a missing code (404) for its readers.
    ("GET", "/awards/certificates/{code}.pdf"): only(STUDENT, SCHOOL, REGION, *EVERYWHERE),
    ("GET", "/certificates/{code}"): public(),
    ("GET", "/awards"): public(),
    ("GET", "/audit/checkpoints"): public(),
    ("POST", "/audit/checkpoints"): only(*EVERYWHERE),
    ("GET", "/audit/checkpoints/{checkpoint_id}.txt"): public(),
    ("GET", "/audit/proofs/inclusion"): only(*EVERYWHERE),
    ("GET", "/audit/proofs/consistency"): only(*EVERYWHERE),
    ("POST", "/audit/runs"): only(*EVERYWHERE),
    ("GET", "/audit/reports"): only(*EVERYWHERE),
    ("GET", "/works/{work_id}/audit"): only(*EVERYWHERE),
    ("GET", "/health"): public(),
}

# What an auditor may call that is not a GET: nothing that changes the festival's data. Each line says why.
AUDITOR_MAY_POST = {
    ("POST", "/auth/login"): "signing in",
    ("POST", "/auth/logout"): "ending one's own token",
    ("POST", "/auth/password"): "one's own password",
    ("POST", "/accounts/students"): "public sign-up: the token is not used, the account is a new student's",
    ("POST", "/accounts/school-admins"): "public sign-up: the token is not used, the account is a new applicant's",
    ("POST", "/notifications/read"): "one's own notifications' read marks",
    ("POST", "/audit/checkpoints"): "asks the audit service to sign what it has read (audit.py: auditors ask)",
    ("POST", "/audit/runs"): "asks the audit service to verify the log (audit.py: auditors ask)",
}

# Cells the services answer wrongly today: (method, path, role, scope) -> what is wrong. The test expects the
# table's class, reports these as expected failures, and fails when one starts to pass (remove it here then).
KNOWN_DEFECTS: dict[tuple[str, str, str, str], str] = {}
