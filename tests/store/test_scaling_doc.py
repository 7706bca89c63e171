"""The commands of the README's "Scaling out" section run as written, at small scale
(fewer articles, free ports, a temporary folder)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, free_port
from tests.oxigraph_server import oxigraph_binary

DOC = REPO / "README.md"


def scaling_out_script() -> str:
    text = DOC.read_text("utf-8")
    section = text.split("## Scaling out", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.+?)\n```", section, re.DOTALL)
    assert blocks, "the Scaling out section has no sh blocks"
    return "\n".join(blocks)


def test_the_section_covers_remote_store_and_bulk_pipeline():
    script = scaling_out_script()
    for needle in ("oxigraph serve", "KG_STORE=sparql+http://", "kg extract", "kg load",
                   "kg serve", "kg dump"):
        assert needle in script, needle


@pytest.mark.skipif(oxigraph_binary() is None, reason="the oxigraph server binary is missing")
@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_scaling_out_commands_run(tmp_path):
    script = scaling_out_script()
    script = "\n".join(line for line in script.splitlines()
                       if not line.startswith("pip install"))
    oxi, web = str(free_port()), str(free_port())
    script = (script.replace("7878", oxi).replace("8000", web)
              .replace("bench/corpus.py 1000", f"{REPO / 'bench' / 'corpus.py'} 12")
              .replace("--chunk-size 500", "--chunk-size 5"))
    runner = ("set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null; wait' EXIT\n" + script +
              "\n")
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("KG_")},
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(REPO)}
    result = subprocess.run(["bash", "-c", runner], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "articles=12" in result.stdout and "graphs=12" in result.stdout
    counts = re.findall(r'"n":\s*\{[^}]*"value":\s*"(\d+)"', result.stdout)
    assert counts and int(counts[-1]) > 12 * 50
    dump = tmp_path / "everything.nq"
    assert dump.is_file() and len(dump.read_bytes().splitlines()) >= int(counts[-1])
