"""Shared fixtures: a fresh app over a fresh on-disk store for every test."""

from __future__ import annotations

import socket
import threading
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
    from kg.web import create_app

    port = free_port()
    settings = Settings(data_dir=tmp_path / "data", update_token=TOKEN,
                        base_iri=f"http://127.0.0.1:{port}/", port=port)
    app = create_app(settings)
    import waitress.server
    from waitress import wasyncore

    server = waitress.server.create_server(app, host="127.0.0.1", port=port, threads=4)
    stopping = threading.Event()

    def serve() -> None:  # server.close() from another thread would not end waitress's loop
        while not stopping.is_set():
            wasyncore.loop(timeout=0.05, map=server._map, count=1)
        server.task_dispatcher.shutdown()
        wasyncore.close_all(server._map)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    app.url = f"http://127.0.0.1:{port}"
    yield app
    stopping.set()
    thread.join(timeout=10)
    app.extensions["kg"].store.close()
