"""Film measurement: every technical rule of the notice's section 四 measured from one pass over the file.

`measure_film(source, silence_lufs, budget_s)` measures; `inspect_film(source, rules, category, budget_s)` also
checks, with festival_decisions' film checks; `FilmRules.from_edition(edition)` gives the rules.
"""

from festival_decisions.inspection.film.rules import FilmRules, Resolution
from festival_inspection.film.inspect import inspect_film, inspect_film_header, measure_film

__all__ = ["FilmRules", "Resolution", "inspect_film", "inspect_film_header", "measure_film"]
