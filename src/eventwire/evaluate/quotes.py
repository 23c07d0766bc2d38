"""Evaluators for the quotes extractor (stub: registers nothing until its issue lands)."""
