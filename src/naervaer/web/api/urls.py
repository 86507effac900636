"""The JSON API (django-ninja), described by OpenAPI at /api/v1/openapi.json."""

from __future__ import annotations

from ninja import NinjaAPI

api = NinjaAPI(
    title="Nærvær API",
    version="1",
    urls_namespace="api",
    description="Sykefraværsstatistikk for virksomheter. Maskerte tall er null.",
)
