"""resolve (being written)."""
