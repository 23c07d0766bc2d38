"""export (being written)."""
