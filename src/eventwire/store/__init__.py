"""store (being written)."""
