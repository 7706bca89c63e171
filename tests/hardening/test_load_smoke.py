"""A short run of bench/load.py: the real server under concurrent queries and ingests, with
zero 5xx and zero lost writes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO


@pytest.mark.slow
def test_load_smoke_run():
    done = subprocess.run([sys.executable, str(REPO / "bench" / "load.py"), "--duration", "5",
                           "--seed", "10", "--json"], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = json.loads(done.stdout)
    assert report["server_errors"] == 0 and report["transport_errors"] == 0
    assert report["lost_writes"] == 0 and report["acknowledged_writes"] > 0
    assert set(report["kinds"]) == {"timeline query", "other query", "page", "ingest"}
    for kind in report["kinds"].values():
        assert kind["requests"] > 0 and kind["client_errors"] == 0
