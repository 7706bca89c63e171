"""A local stand-in for the Wikidata API: a real HTTP server on 127.0.0.1 that answers
``wbsearchentities`` and ``wbgetentities`` in the documented JSON formats."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


class FakeWikidata:
    """Items to serve, failures to inject, and a log of the requests received."""

    def __init__(self, entities: list[dict[str, Any]]):
        self.entities = {e["id"]: e for e in entities}
        self.requests: list[dict[str, str]] = []
        self.user_agents: list[str] = []
        self.fail_next: list[int | str] = []  # HTTP statuses, or "maxlag", or "slow"
        self.delay = 0.0
        self.url = ""

    def answer(self, params: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if self.fail_next:
            failure = self.fail_next.pop(0)
            if failure == "maxlag":
                return 200, {}, json.dumps({"error": {"code": "maxlag", "info": "lagged"}}
                                           ).encode()
            if failure == "slow":
                time.sleep(self.delay)
            elif failure == "html":
                return 200, {}, b"<html>maintenance</html>"
            else:
                return int(failure), {"Retry-After": "0"}, b"busy"
        action = params.get("action")
        if action == "wbsearchentities":
            text = params.get("search", "").casefold()
            hits = []
            for e in self.entities.values():
                names = [e["labels"]["en"]["value"]] + [a["value"] for a in
                                                        e["aliases"].get("en", [])]
                for n in names:
                    if n.casefold().startswith(text):
                        hits.append({"id": e["id"], "title": e["id"],
                                     "concepturi": f"http://www.wikidata.org/entity/{e['id']}",
                                     "label": e["labels"]["en"]["value"],
                                     "match": {"type": "label", "language": "en", "text": n}})
                        break
            limit = int(params.get("limit", "7"))
            return 200, {}, json.dumps({"searchinfo": {"search": params.get("search")},
                                        "search": hits[:limit], "success": 1}).encode()
        if action == "wbgetentities":
            out = {}
            for qid in params.get("ids", "").split("|"):
                out[qid] = self.entities.get(qid, {"id": qid, "missing": ""})
            return 200, {}, json.dumps({"entities": out, "success": 1}).encode()
        return 200, {}, json.dumps({"error": {"code": "badvalue", "info": "?"}}).encode()


@contextmanager
def serve(fake: FakeWikidata) -> Iterator[FakeWikidata]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            url = urlsplit(self.path)
            params = {k: v[0] for k, v in parse_qs(url.query).items()}
            fake.requests.append(params)
            fake.user_agents.append(self.headers.get("User-Agent", ""))
            status, headers, body = fake.answer(params)
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def closed_port_url() -> str:
    """The URL of a port nothing listens on."""
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}/w/api.php"
