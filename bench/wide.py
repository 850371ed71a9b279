"""A page for the per-call and decode measurements: GET returning a 60-property model (~2 KB JSON)."""

from __future__ import annotations

import json
from pathlib import Path

WIDE_PROPERTIES = 60
_KINDS = ["string", "int32", "bool", "date-time", "string", "int32"]


def _value(kind: str, i: int) -> object:
    return {
        "string": f"value number {i}",
        "int32": 1000 + i,
        "bool": i % 2 == 0,
        "date-time": f"2024-03-{1 + i % 28:02d}T09:15:00.1234567+01:00",
    }[kind]


def write_wide_page(folder: Path) -> Path:
    """Write the page below `folder`; returns the path of its sample payload as JSON."""
    props = [(f"Property{i:02d}", _KINDS[i % len(_KINDS)]) for i in range(WIDE_PROPERTIES)]
    payload = {name: _value(kind, i) for i, (name, kind) in enumerate(props)}
    rows = "\n".join(
        f"| {name} | {kind} | The {kind} number {i}. |" for i, (name, kind) in enumerate(props)
    )
    body = json.dumps(payload, indent=2)
    page = f"""---
title: GET Agents/Bench/GetWide/{{id}}
uid: v1BenchAgent_GetWide
---

# GET Agents/Bench/GetWide/{{id}}

```http
GET /api/v1/Agents/Bench/GetWide/{{wideId}}
```

A wide model for the benchmark.

| Path Part | Type | Description |
|-----------|------|-------------|
| wideId | int32 | The id. **Required** |

## Response:

OK

| Response | Description |
|----------------|-------------|
| 200 | OK |

### Response body: BenchWide

| Property Name | Type |  Description |
|----------------|------|--------------|
{rows}

## Sample response

```http_
HTTP/1.1 200 OK
Content-Type: application/json; charset=utf-8

{body}
```
"""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "v1BenchAgent_GetWide.md").write_text(page, "utf-8")
    target = folder.parent.parent / "wide-payload.json"
    target.write_text(json.dumps(payload), "utf-8")
    return target
