"""Film checks: every technical rule of the notice's section 四 measured from one pass over the file.

`inspect_film(source, rules, category, budget_s)` is the entry point; `FilmRules.from_edition(edition)` the rules.
"""

from festival_inspection.film.inspect import inspect_film, inspect_film_header
from festival_inspection.film.rules import FilmRules, Resolution

__all__ = ["FilmRules", "Resolution", "inspect_film", "inspect_film_header"]
