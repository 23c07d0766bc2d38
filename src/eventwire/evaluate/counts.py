"""Evaluators for the counts extractor (stub: registers nothing until its issue lands)."""
