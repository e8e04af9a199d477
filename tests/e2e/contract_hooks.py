"""Schemathesis hooks of the API contract test (test_api_contract.py), loaded by its `schemathesis run`.

- The run shares the session's stack with the other end-to-end tests, which log in as the demo accounts and their
  own: a case that would suspend, reactivate, decide on or reset the password of an account that existed before
  the run (FESTIVAL_CONTRACT_PROTECTED) is sent to the run's own stand-in account instead. The request is the
  same in every other respect, so every check still judges it.
- The gateway counts failed logins and sign-ups per client address; every connection of the run leaves from its
  own loopback address (FESTIVAL_CONTRACT_SOURCE, e.g. 127.0.0.2: any 127.x.y.z is this machine), so the run never
  spends the allowance of the other tests, which connect from 127.0.0.1.
- A schema-valid request may still be refused (422) for a rule no JSON schema can state; SEMANTIC names those
  rules per operation, and `only_semantic_refusals` fails any other 422 to a schema-valid request, so the
  positive-data check is widened by exactly these codes and no more.
"""

from __future__ import annotations

import os

import schemathesis
from requests.adapters import HTTPAdapter

PROTECTED = set(filter(None, os.environ.get("FESTIVAL_CONTRACT_PROTECTED", "").split(",")))
STAND_IN = os.environ.get("FESTIVAL_CONTRACT_STAND_IN", "")
SOURCE = os.environ.get("FESTIVAL_CONTRACT_SOURCE", "")

_EDITION_DRAFT = ("unknown_category", "unknown_theme", "too_few_creators", "too_many_creators", "too_many_advisors")
_NEW_ACCOUNT = ("weak_password", "invalid_display_name")
# Why each is beyond a schema: the edition's categories, themes and team sizes are configuration read at run time
# (GET /edition); weak_password is a list of common passwords; invalid_display_name, invalid_school_name and
# invalid_reason also refuse Unicode format and unassigned characters and names NFKC folds longer, which a
# JSON-schema pattern cannot name; reason_required, reason_codes_not_allowed and bad_name (an honour names a
# person, not a unit) depend on another field's value; bad_tree_sizes on the log's current size; bad_page on the
# list's content (a page starts after a work or case that exists); unknown_slot on the edition's file slots;
# files_missing on the work's state (a draft is submitted once its files are in).
SEMANTIC: dict[str, tuple[str, ...]] = {
    "POST /works": _EDITION_DRAFT,
    "GET /works": ("bad_page",),
    "GET /review/queue": ("bad_page",),
    "PUT /works/{work_id}": _EDITION_DRAFT,
    "POST /accounts/students": _NEW_ACCOUNT,
    "POST /accounts/school-admins": (*_NEW_ACCOUNT, "invalid_school_name"),
    "POST /accounts/region-admins": _NEW_ACCOUNT,
    "POST /accounts/judges": (*_NEW_ACCOUNT, "unknown_category"),
    "POST /accounts/{account_id}/password": ("weak_password",),
    "POST /auth/password": ("weak_password",),
    "POST /accounts/{account_id}/decision": ("reason_required", "invalid_reason"),
    "POST /accounts/{account_id}/suspend": ("invalid_reason",),
    "GET /awards": ("unknown_category",),
    "GET /awards/draft": ("unknown_category",),
    "POST /awards/compute": ("unknown_category",),
    "POST /judging/rounds": ("unknown_category",),
    "POST /awards/honours": ("reason_required", "bad_name"),
    "POST /works/{work_id}/review/province": ("reason_codes_not_allowed",),
    "GET /audit/proofs/consistency": ("bad_tree_sizes",),
    "POST /works/{work_id}/files/{slot}/uploads": ("unknown_slot",),
    "POST /works/{work_id}/submit": ("files_missing",),
}


def _connect_from(address: str) -> None:
    """Every connection requests opens from here on leaves from `address`."""
    original = HTTPAdapter.init_poolmanager

    def init_poolmanager(self, *args, **kwargs):
        kwargs.setdefault("source_address", (address, 0))
        return original(self, *args, **kwargs)

    HTTPAdapter.init_poolmanager = init_poolmanager


if SOURCE:
    _connect_from(SOURCE)


@schemathesis.hook
def before_call(context, case, kwargs) -> None:
    """An account of the other tests in the path becomes the stand-in."""
    if case.path_parameters and case.path_parameters.get("account_id") in PROTECTED:
        case.path_parameters["account_id"] = STAND_IN


@schemathesis.check
def only_semantic_refusals(ctx, response, case) -> bool | None:
    """A 422 to a schema-valid request must be one of the operation's SEMANTIC codes."""
    meta = case.meta
    if response.status_code != 422 or meta is None or not meta.generation.mode.is_positive:
        return None
    code = response.json().get("code")
    allowed = SEMANTIC.get(case.operation.label, ())
    assert code in allowed, f"schema-valid request refused with 422 {code!r}; the schema should say why " \
        f"(rules beyond a schema here: {', '.join(allowed) or 'none'})"
    return True
