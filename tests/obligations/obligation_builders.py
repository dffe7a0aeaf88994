"""Builders for realistic organisations and publications, and a lookup of obligations by id."""

from __future__ import annotations

import datetime as dt
from typing import Any

from equitykit.obligations import Obligation
from equitykit.obligations.statutory import statutory_obligations
from equitykit.records.organisation import Organisation
from equitykit.records.publication import Publication


def organisation(jurisdiction: str = "england", sector: str = "local-authority",
                 headcount: dict[str, int] | None = None, **changes: Any) -> Organisation:
    """A valid organisation, established long before the duties; headcount maps snapshot dates to employees."""
    data: dict[str, Any] = {
        "name": "Testshire Council",
        "established": "1974-04-01",
        "sector": sector,
        "jurisdiction": jurisdiction,
        "headcount": [{"date": day, "employees": count}
                      for day, count in (headcount or {"2025-03-31": 1200}).items()],
        "alternative_formats": {"email": "equality@testshire.example"},
    }
    data.update(changes)
    return Organisation.model_validate(data)


def publication(publication_id: str, duty: str, published: str | None, period: str | None = None,
                records: list[str] | None = None, **changes: Any) -> Publication:
    """A publication record of one duty."""
    return Publication.model_validate({"id": publication_id, "title": f"{duty} {published}", "duty": duty,
                                       "published": published, "period": period,
                                       "records": records or []} | changes)


def evaluate(body: Organisation, publications: list[Publication], as_of: str,
             window: int = 60) -> dict[str, Obligation]:
    """The statutory obligations on `as_of`, by id."""
    found = statutory_obligations(body, publications, dt.date.fromisoformat(as_of), window)
    ids = [o.id for o in found]
    assert len(ids) == len(set(ids)), f"duplicate ids: {ids}"
    return {o.id: o for o in found}
