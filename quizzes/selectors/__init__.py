"""Reads: the queries behind every page and report. Selectors import models and pure modules, never services."""
