"""The festival's decisions as pure functions of their recorded inputs, each with a rule version.

A service that decides (scoring assigns judges and computes results, awards computes tiers) calls these
functions and records the rule version on its event; an auditor re-derives the same decision by calling the
same function on what the log recorded. Nothing here does I/O or imports a service.
"""
