"""The REST API and the dashboard: ``create_app(db_path, token=...)`` gives a FastAPI app.

Endpoints (OpenAPI at ``/openapi.json``): ``GET /api/events`` (filters, paging), ``GET
/api/events/{id}`` (evidence), ``GET /api/articles/{id}``, ``GET /api/actors``, ``GET /api/network``,
``GET /api/statements``, ``GET /api/places`` (GeoJSON), ``GET /api/timeline``, ``GET /api/summary``,
``POST /api/articles`` (bearer token), and the dashboard at ``/``. ``eventwire serve`` runs it.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
