"""evaluate (being written)."""
