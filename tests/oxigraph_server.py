"""A real Oxigraph server on 127.0.0.1 for tests and benchmarks (the `oxigraph` package on
PyPI ships its binary; skip when it is missing)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def oxigraph_binary() -> str | None:
    """The `oxigraph` command beside this Python, or on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    return shutil.which("oxigraph")


class OxigraphServer:
    """`oxigraph serve --location DIR --bind 127.0.0.1:PORT`, started and stopped here."""

    def __init__(self, location: Path, port: int, binary: str | None = None):
        self.binary = binary or oxigraph_binary()
        if self.binary is None:
            raise FileNotFoundError("the oxigraph server binary is not installed")
        self.location = location
        self.port = port
        self.url = f"http://127.0.0.1:{port}/"
        self.proc: subprocess.Popen | None = None
        self.log = location.parent / f"{location.name}.log"

    @property
    def store_url(self) -> str:
        """The `KG_STORE` value for this server."""
        return f"sparql+{self.url}"

    def start(self, timeout: float = 30.0) -> OxigraphServer:
        self.location.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [self.binary, "serve", "--location", str(self.location), "--bind",
                 f"127.0.0.1:{self.port}"], stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"oxigraph exited with {self.proc.returncode}; see {self.log}")
            try:
                with urllib.request.urlopen(self.url + "query?query=ASK%7B%7D", timeout=2):
                    return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"oxigraph did not start within {timeout} s; see {self.log}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def update(self, sparql: str) -> None:
        req = urllib.request.Request(self.url + "update", data=sparql.encode(),
                                     headers={"Content-Type": "application/sparql-update"})
        with urllib.request.urlopen(req, timeout=60):
            pass

    def clear(self) -> None:
        """Empty the store (every graph and the default graph)."""
        self.update("DROP SILENT ALL")

    def __enter__(self) -> OxigraphServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
