"""Signed forms: a readable PDF or JPEG with something on it, within the slot's byte limit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2]))
import inspection_images as made  # noqa: E402

from festival_inspection.documents import inspect_form  # noqa: E402
from festival_inspection.rules import edition_file, file_limit, load_edition  # noqa: E402

FORM = file_limit(load_edition(edition_file("11", Path(__file__))), "application_form")


def verdicts(report) -> dict[str, str]:
    return {c.id: c.verdict for c in report.checks}


def test_a_pdf_with_text_passes(tmp_path):
    path = tmp_path / "application.pdf"
    path.write_bytes(made.pdf([made.TEXT_PAGE, None]))
    report = inspect_form(path, FORM)
    assert verdicts(report) == {"document_format": "pass", "document_content": "pass", "file_size": "pass"}
    assert report.checks[1].measured == {"pages": 2, "pages_with_content": 1}


def test_a_scanned_pdf_whose_page_is_an_image_passes():
    scan = made.jpeg(made.scan(620, 877))
    assert inspect_form(made.pdf([made.SCAN_PAGE], image=scan), FORM).verdict == "pass"


def test_a_photo_of_the_signed_form_passes():
    assert inspect_form(made.jpeg(made.scan()), FORM).verdict == "pass"


def test_a_pdf_of_blank_pages_fails_content():
    assert verdicts(inspect_form(made.pdf([None, None]), FORM))["document_content"] == "fail"


def test_an_empty_file_fails_format_and_content(tmp_path):
    path = tmp_path / "form.pdf"
    path.write_bytes(b"")
    report = inspect_form(path, FORM)
    assert verdicts(report) == {"document_format": "fail", "document_content": "fail", "file_size": "pass"}
    assert report.checks[0].measured == "empty"


def test_a_text_file_named_pdf_fails_format():
    check = inspect_form("申报表 signed\n".encode() * 20, FORM).checks[0]
    assert (check.id, check.verdict, check.measured) == ("document_format", "fail", "unknown")


def test_a_1x1_jpeg_is_an_empty_form():
    report = inspect_form(made.jpeg(made.noise(1, 1)), FORM)
    assert verdicts(report)["document_format"] == "pass"
    assert verdicts(report)["document_content"] == "fail"


def test_a_blank_white_photo_is_an_empty_form():
    blank = made.scan() * 0 + 250
    assert verdicts(inspect_form(made.jpeg(blank), FORM))["document_content"] == "fail"


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n", b"%PDF-1.7\n" + bytes(range(256)) * 50, made.pdf([made.TEXT_PAGE])[:200],
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R >>",
])
def test_broken_pdfs_fail_format_without_an_exception(data):
    assert verdicts(inspect_form(data, FORM))["document_format"] == "fail"


def test_a_form_over_the_limit_fails_file_size():
    big = made.padded(made.jpeg(made.scan()), FORM.max_bytes + 1)
    assert verdicts(inspect_form(big, FORM))["file_size"] == "fail"
