"""Inspection rules, version RULE_VERSION: an upload's verdict and every check as a function of its recorded
measurements, the edition's rules and the work's category.

media-inspection measures (decoding stays there) and calls `verdicts`; the auditor calls `rederive` on the
recorded InspectionCompleted payload. Both run this code, so a verdict that does not follow is a difference.
"""

from festival_decisions.inspection.decide import RULE_VERSION, measurements, verdicts
from festival_decisions.inspection.rederive import NOT_REDERIVABLE, Difference, rederive
from festival_decisions.inspection.report import Check, Report, Verdict

__all__ = ["NOT_REDERIVABLE", "RULE_VERSION", "Check", "Difference", "Report", "Verdict", "measurements",
           "rederive", "verdicts"]
