"""Judging: fair assignment of judges to works, results from score sheets, the judge-bias report."""
