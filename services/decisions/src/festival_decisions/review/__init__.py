"""Review: which decision may be taken in which phase, by whom, on which version, with which reasons."""
