"""A posted page form: values lose their surrounding spaces, passwords never do (the API takes them as typed)."""

from __future__ import annotations

from festival_gateway.web.forms import Form


def test_values_are_trimmed_and_passwords_kept_as_typed():
    form = Form([("username", "  stu-1 "), ("password", " secret words "), ("new_password_again", " x "),
                 ("reason_codes", " a "), ("reason_codes", "b ")])
    assert form.get("username") == "stu-1"
    assert form.get("password") == " secret words " and form.get("new_password_again") == " x "
    assert form.all("reason_codes") == ["a", "b"] and form.get("missing", "none") == "none"
