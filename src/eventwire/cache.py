"""The per-user cache of derived data (the gazetteer index, parsed dictionaries).

Files live in ``$EVENTWIRE_CACHE`` or ``~/.cache/eventwire``; each name carries a digest of what it was
derived from, so a changed source gives a new file and a stale one is never read. A cache that cannot be
written is not an error: the next process derives the data again.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

logger = logging.getLogger(__name__)


def cache_directory() -> Path:
    """Where eventwire keeps derived data: ``$EVENTWIRE_CACHE`` or ``~/.cache/eventwire``."""
    return Path(os.environ.get("EVENTWIRE_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "eventwire"))


def write_cache_file(path: Path, data: bytes, *, stale_glob: str | None = None) -> None:
    """Write ``data`` to ``path`` atomically (readers never see half a file); then remove the other files of
    its directory matching ``stale_glob`` (older versions of the same cache)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
        for stale in path.parent.glob(stale_glob) if stale_glob else ():
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as e:
        logger.info("cache %s not written (%s): the next process derives it again", path, e)
