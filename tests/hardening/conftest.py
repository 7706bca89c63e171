"""Fixtures for the hardening tests: live servers with chosen settings, a loopback listener
that records whether anything contacted it, and a count of the inputs each entry point got."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

from tests.conftest import serve  # noqa: F401 - imported from here by the tests


def pytest_terminal_summary(terminalreporter) -> None:
    # imported by its full name, as the tests do (this conftest itself may be imported under
    # another name, which would give it a counter of its own)
    from tests.hardening.tally import INPUTS_TRIED

    if INPUTS_TRIED:
        terminalreporter.write_sep("-", "bad input: inputs tried per entry point")
        for name, count in sorted(INPUTS_TRIED.items()):
            terminalreporter.write_line(f"{count:6d}  {name}")
        terminalreporter.write_line(f"{sum(INPUTS_TRIED.values()):6d}  in all")


class Listener:
    """An HTTP server on 127.0.0.1 that answers everything and records each request path."""

    def __init__(self) -> None:
        hits: list[str] = []
        self.hits = hits

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                hits.append(self.path)
                body = b'<http://example.org/s> <http://example.org/p> "leaked" .\n'
                self.send_response(200)
                self.send_header("Content-Type", "application/n-triples")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_HEAD = _answer

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.close()


def assert_error_shape(resp, status: int | None = None) -> dict:
    """The one JSON error shape, with no trace of internals."""
    text = resp.text if hasattr(resp, "text") else resp.get_data(as_text=True)
    if status is not None:
        assert resp.status_code == status, text[:500]
    assert 400 <= resp.status_code < 600, text[:500]
    body = resp.json() if hasattr(resp, "json") and callable(resp.json) else resp.get_json()
    assert body["ok"] is False and body["status"] == resp.status_code
    assert isinstance(body["code"], str) and body["code"]
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list)
    assert "Traceback" not in text
    return body
