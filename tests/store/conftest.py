"""The store suite runs on both backends: the embedded store and a real Oxigraph server
(session-scoped, emptied before each test)."""

from __future__ import annotations

import pytest

from kg.settings import Settings
from tests.conftest import TOKEN, free_port
from tests.oxigraph_server import OxigraphServer, oxigraph_binary


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    if oxigraph_binary() is None:
        pytest.skip("the oxigraph server binary is missing (pip install oxigraph, part of the "
                    "test extras)")
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "db", free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def oxigraph(oxigraph_server):
    """The session's Oxigraph server, empty."""
    if oxigraph_server.proc is None or oxigraph_server.proc.poll() is not None:
        oxigraph_server.start()
    oxigraph_server.clear()
    return oxigraph_server


@pytest.fixture(params=["embedded", "remote"])
def backend(request, tmp_path) -> Settings:
    """Settings for a fresh store on each backend."""
    settings = Settings(data_dir=tmp_path / "data", update_token=TOKEN)
    if request.param == "remote":
        server = request.getfixturevalue("oxigraph")
        settings = settings.replace(store=server.store_url, store_retries=1)
    return settings


@pytest.fixture
def store(backend):
    from kg.bootstrap import open_store

    st = open_store(backend)
    yield st
    st.close()
