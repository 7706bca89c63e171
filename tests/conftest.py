"""Shared fixtures: a fresh app over a fresh on-disk store for every test."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.settings import Settings

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
TOKEN = "test-token-1234"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test with a clear reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (the shared folder is expected beside the repo)")
    return path


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data", update_token=TOKEN)


@pytest.fixture
def app(settings):
    from kg.web import create_app

    app = create_app(settings)
    app.config["TESTING"] = True
    yield app
    app.extensions["kg"].store.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def kg(tmp_path):
    """The service without the web layer, on a fresh store of its own."""
    from kg.bootstrap import build_service

    service = build_service(Settings(data_dir=tmp_path / "data"))
    yield service
    service.store.close()


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live_app(tmp_path):
    """An app whose base IRI is its own URL, served over real HTTP on 127.0.0.1."""
    with serve(tmp_path, threads=4) as app:
        yield app


@contextlib.contextmanager
def serve(tmp_path, threads: int = 6, **overrides) -> Iterator:
    """A live app (waitress on 127.0.0.1) with the given setting overrides; ``app.url``."""
    import waitress.server
    from waitress import wasyncore

    from kg.web import create_app

    port = free_port()
    values = {"data_dir": tmp_path / "data", "update_token": TOKEN,
              "base_iri": f"http://127.0.0.1:{port}/", "port": port, **overrides}
    app = create_app(Settings(**values))
    server = waitress.server.create_server(app, host="127.0.0.1", port=port, threads=threads)
    stopping = threading.Event()

    def loop() -> None:  # server.close() from another thread would not end waitress's loop
        while not stopping.is_set():
            wasyncore.loop(timeout=0.05, map=server._map, count=1)
        server.task_dispatcher.shutdown()
        wasyncore.close_all(server._map)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    app.url = f"http://127.0.0.1:{port}"
    try:
        yield app
    finally:
        stopping.set()
        thread.join(timeout=10)
        app.extensions["kg"].close()
