"""Building the spaCy pipeline once per process, and checking it is the pinned one."""

from eventwire.nlp.model import MODEL_PACKAGE, load_pipeline, model_info

__all__ = ["MODEL_PACKAGE", "load_pipeline", "model_info"]
