"""Pages whose paths need percent-encoding: the emitted tests expect what the client really sends.

Each odd character appears in a path part's example (the sample request's value) and in the
literal text of the documented path; one page has a form feed in its path, one a sample response
whose Content-Type is not ASCII. The client is generated, and its emitted tests run, in a subprocess.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.pipeline import generate

ODD = {
    "Space": " ",
    "Percent": "%",
    "Escaped": "%20",
    "Hash": "#",
    "Question": "?",
    "Unicode": "Ødegård 東京",
    "Plus": "+",
    "Amp": "&",
    "Equals": "=",
    "Semicolon": ";",
    "Quote": "'",
    "Backslash": "\\",
    "Tilde": "~",
}


def odd_page(
    name: str, path: str, sample_path: str, content_type: str = "application/json; charset=utf-8"
) -> str:
    return f"""---
title: GET Odd/{name}
uid: v1OddAgent_{name}
---

# GET Odd/{name}

```http
GET /api/v1/{path}
```

A path that needs percent-encoding.

| Path Part | Type | Description |
|-----------|------|-------------|
| value | string | The value **Required** |

## Response: bool

| Response | Description |
|---|---|
| 200 | OK |

## Sample request

```http!
GET /api/v1/{sample_path} HTTP/1.1
Authorization: Basic dGplMDpUamUw
```

## Sample response

```http_
HTTP/1.1 200 OK
Content-Type: {content_type}

true
```
"""


def test_the_emitted_tests_of_odd_paths_expect_what_the_client_sends(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in ODD.items():
        (docs / f"part_{name}.md").write_text(
            odd_page(f"Part{name}", f"Odd/Part{name}/{{value}}", f"Odd/Part{name}/a{text}b"),
            "utf-8",
        )
        (docs / f"literal_{name}.md").write_text(
            odd_page(f"Literal{name}", f"Odd/L{text}x/{{value}}", f"Odd/L{text}x/v"), "utf-8"
        )
    (docs / "form_feed.md").write_text(
        odd_page("FormFeed", "Odd/F\fF/{value}", "Odd/F\fF/v"), "utf-8"
    )
    (docs / "content_type.md").write_text(
        odd_page(
            "ContentType",
            "Odd/ContentType/{value}",
            "Odd/ContentType/v",
            "application/json; charset=utf-8; title=Ødegård",
        ),
        "utf-8",
    )
    out = tmp_path / "out"
    generate([docs], out, "odd_client", cache_root=None, jobs=1)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=out)
    assert result.returncode == 0, result.stdout[-3000:]
    endpoints, failures = 2 * len(ODD) + 2, 11  # the error test runs once per way to fail
    clients = 2  # each test taking `api` runs through Client and AsyncClient
    # + raw response, 401 refresh and secrets per client, + test_client.py's
    expected = clients * endpoints + clients * failures + clients * 3 + clients * 2 + 1
    assert f"{expected} passed" in result.stdout
