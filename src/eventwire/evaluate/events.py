"""Evaluators for the events extractor (stub: registers nothing until its issue lands)."""
