"""Extractors: one module per kind of record, each a plain function over parsed blocks."""
