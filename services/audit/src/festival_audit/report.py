"""A run's report as HTML (Chinese first, English second), rendered from the same dict the JSON holds."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from festival_audit.verify import Report

_ENV = Environment(loader=PackageLoader("festival_audit", "templates"), autoescape=select_autoescape(["html"]))


# Each check's name in Chinese (the report's messages are the auditor's technical English, named by check).
CHECKS_ZH = {
    "stream": "日志序号", "envelope": "信封格式", "contract": "事件契约", "chain": "哈希链", "withdrawal": "撤回规则",
    "checkpoint": "日志检查点", "saved_checkpoint": "保存的检查点", "inspection": "技术检测复算",
    "review.legality": "审核决定合规", "judging.assignment": "评委分配复算", "judging.results": "评审结果复算",
    "awards.tiers": "奖项复算", "run": "审计运行", "replay.intake.works": "重建：作品", "replay.review.cases": "重建：审核",
    "replay.scoring.results": "重建：评审结果", "replay.awards.lists": "重建：获奖名单",
    "replay.audit.checkpoints": "重建：检查点",
}


def html(report: Report) -> str:
    return _ENV.get_template("report.html").render(r=report.as_dict(), clean=report.clean, zh=CHECKS_ZH)
