"""Film checks: every technical rule of the notice's section 四, as functions of a film's recorded measures.

`film_checks(measures, rules, category)` gives them all; `FilmRules.from_edition(edition)` the rules.
"""

from festival_decisions.inspection.film.checks import film_checks
from festival_decisions.inspection.film.rules import FilmRules, Resolution

__all__ = ["FilmRules", "Resolution", "film_checks"]
