"""The web pages, one module a group of people (students, reviewers, judges) plus signing in."""
