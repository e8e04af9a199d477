"""A run's report as HTML (Chinese first, English second), rendered from the same dict the JSON holds."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from festival_audit.verify import Report

_ENV = Environment(loader=PackageLoader("festival_audit", "templates"), autoescape=select_autoescape(["html"]))


def html(report: Report) -> str:
    return _ENV.get_template("report.html").render(r=report.as_dict(), clean=report.clean)
