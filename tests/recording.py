"""A mock API handler that answers every request alike and keeps what it was sent."""

from __future__ import annotations

import httpx


class Recorder:
    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.response
