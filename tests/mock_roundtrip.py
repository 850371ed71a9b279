"""Re-run a generated client's emitted endpoint tests over real HTTP against a live mock server.

    python tests/mock_roundtrip.py OUTPUT_FOLDER BASE_URL

OUTPUT_FOLDER is a `generate --out` folder. Each emitted test's call (its module's CALLS) is made
by the generated client against BASE_URL, through a transport that records what was sent, and
checked exactly as the emitted test checks it (conftest's `MockApi.check_endpoint`: method, path,
query, SuperOffice headers, body, decoded result). Prints JSON: endpoints, round_trips, failures.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import httpx


class Recording(httpx.BaseTransport):
    """Sends over the network and records each request, as the emitted MockApi does."""

    def __init__(self, requests: list[httpx.Request]) -> None:
        self.inner = httpx.HTTPTransport()
        self.requests = requests

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def main(root: Path, base_url: str) -> dict[str, Any]:
    sys.path[:0] = [str(root), str(root / "tests")]
    import conftest  # the generated one: MockApi, SETTINGS, the client class

    client_class = conftest.Client
    counts: dict[str, Any] = {"endpoints": 0, "round_trips": 0, "failures": []}
    for path in sorted((root / "tests").glob("test_*.py")):
        spec = importlib.util.spec_from_file_location(f"emitted_{path.stem}", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name, call in getattr(module, "CALLS", {}).items():  # test_client.py calls none
            counts["endpoints"] += 1
            api = conftest.MockApi("sync")
            api.client.close()
            api.client = client_class(
                base_url + "/Cust12345",
                **conftest.SETTINGS,
                timeout=10,
                max_retries=0,
                transport=Recording(api.requests),
            )
            try:
                api.check_endpoint(call, module.SAMPLES[name])
            except Exception as error:  # an assertion, or the client's ApiError
                counts["failures"].append(
                    f"{path.stem}::{name}: {type(error).__name__}: {str(error)[:300]}"
                )
            else:
                counts["round_trips"] += 1
            finally:
                api.client.close()
    return counts


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), sys.argv[2])))
