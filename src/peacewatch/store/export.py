"""Write query rows as CSV, JSON Lines, GeoJSON or Parquet.

Dates are written as ISO dates (``2022-03-29``) and never pass through a datetime, so no
time-zone conversion can shift them; Parquet keeps them as ``date32`` (a calendar day, no zone).
Ids are the store's stable ids, so two exports of equal stores are byte-identical (CSV, JSONL,
GeoJSON).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

Row = dict[str, Any]


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    geojson = "geojson"
    parquet = "parquet"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(x) for x in value]
    if isinstance(value, dict):
        return {k: _plain(x) for k, x in value.items()}
    return value


def _csv_cell(value: Any) -> Any:
    value = _plain(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else value


def write_csv(rows: Sequence[Row], out: TextIO) -> None:
    if not rows:
        return
    w = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: _csv_cell(x) for k, x in r.items()})


def write_jsonl(rows: Sequence[Row], out: TextIO) -> None:
    for r in rows:
        out.write(json.dumps(_plain(r), ensure_ascii=False) + "\n")


def write_geojson(rows: Sequence[Row], out: TextIO) -> None:
    """A FeatureCollection; rows without coordinates get a null geometry (valid GeoJSON)."""
    features = []
    for r in rows:
        lat, lon = r.get("lat"), r.get("lon")
        geometry = (
            {"type": "Point", "coordinates": [lon, lat]}
            if lat is not None and lon is not None
            else None
        )
        props = {k: _plain(x) for k, x in r.items() if k not in ("id", "lat", "lon")}
        features.append(
            {"type": "Feature", "id": r.get("id"), "geometry": geometry, "properties": props}
        )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")


def write_parquet(rows: Sequence[Row], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # Nested values (actor lists, claims) are kept as JSON text: their shapes vary by row,
    # which Arrow's strict struct typing would reject.
    flat = [
        {
            k: json.dumps(_plain(x), ensure_ascii=False, sort_keys=True)
            if isinstance(x, list | dict)
            else x
            for k, x in r.items()
        }
        for r in rows
    ]
    pq.write_table(pa.Table.from_pylist(flat), path)


def export(rows: Sequence[Row], fmt: ExportFormat, path: Path | None, out: TextIO) -> None:
    """Write ``rows`` to ``path`` (or ``out`` when None; Parquet needs a path)."""
    if fmt is ExportFormat.parquet:
        if path is None:
            raise ValueError("Parquet is binary: give --output FILE")
        write_parquet(rows, path)
        return
    writer = {
        ExportFormat.csv: write_csv,
        ExportFormat.jsonl: write_jsonl,
        ExportFormat.geojson: write_geojson,
    }[fmt]
    if path is None:
        writer(rows, out)
        return
    with path.open("w", encoding="utf-8", newline="") as f:
        writer(rows, f)
