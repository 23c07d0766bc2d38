"""Running the extractors over documents: one Pipeline, pure batch processing."""

from eventwire.run.pipeline import Pipeline, process_batch

__all__ = ["Pipeline", "process_batch"]
