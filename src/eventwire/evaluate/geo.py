"""Evaluators for the geo extractor (stub: registers nothing until its issue lands)."""
