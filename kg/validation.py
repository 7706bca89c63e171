"""SHACL validation of graphs before they are stored.

Two engines run the same shapes file: ``turbo`` (pyshacl-turbo, a Rust engine with pySHACL's
API; the default, about 100x faster here) and ``pyshacl`` (the reference implementation). The
test suite runs every shape case under both, so they cannot drift apart unnoticed. Shapes are
handed to the engines as Turtle text, never as a pre-parsed rdflib graph.

In front of the engine sits the screen (:mod:`kg.shacl`, on unless ``screen=False``): the
shapes compiled to Python checks, which answer a conforming graph in a fraction of the
engine's time. Whatever the screen does not pass (a violation, or something it cannot
decide) goes to the engine, so every report still comes from the engine.
"""

from __future__ import annotations

import logging
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

ENGINES = ("turbo", "pyshacl")
log = logging.getLogger(__name__)


@dataclass
class ValidationReport:
    """The outcome of validating one graph."""

    conforms: bool
    results: list[dict[str, Any]] = field(default_factory=list)
    report_graph: Graph | None = None

    def to_turtle(self) -> str:
        return self.report_graph.serialize(format="turtle") if self.report_graph else ""


class Validator:
    """Validates rdflib graphs against the shapes; safe to share between threads."""

    def __init__(self, shapes_ttl: str, engine: str = "turbo", screen: bool = True):
        if engine not in ENGINES:
            raise ValueError(f"unknown SHACL engine {engine!r}; use one of {ENGINES}")
        self.engine = engine
        self.shapes_ttl = shapes_ttl
        self._lock = threading.Lock()
        self.screen = None
        if screen:
            from .shacl import Screen, Unsupported

            try:
                self.screen = Screen.from_turtle(shapes_ttl)
            except Unsupported as exc:
                log.warning("SHACL screen off, every graph goes to the engine: %s", exc)
        if engine == "turbo":
            import pyshacl_turbo

            self._compiled = pyshacl_turbo.compile_shapes(shapes_ttl, shacl_graph_format="turtle")

    @classmethod
    def from_dir(cls, ontology_dir: Path, engine: str = "turbo",
                 screen: bool = True) -> Validator:
        return cls((ontology_dir / "shapes.ttl").read_text(encoding="utf-8"), engine, screen)

    def validate(self, data: Graph | str | Any,
                 focus_nodes: list[str] | None = None) -> ValidationReport:
        """Validate an rdflib graph, N-Triples text, or a mapped graph (anything with
        ``triples`` in N-Triples spelling and its ``ntriples`` text: the mapping's fast path).
        With ``focus_nodes`` (IRIs), only the shapes' checks of those nodes run (their
        references to other nodes are still followed)."""
        mapped = not isinstance(data, (Graph, str))
        if self.screen is not None:
            from .shacl import DataGraph

            screened = DataGraph(data.triples) if mapped else data
            if self.screen.conforms(screened, focus_nodes or None):
                return ValidationReport(True)
        if mapped:
            data = data.ntriples
        focus = [URIRef(n) for n in focus_nodes] if focus_nodes else None
        if self.engine == "turbo":
            if isinstance(data, str):
                import pyshacl_turbo

                # pyshacl-turbo's own input type: the N-Triples go to the Rust engine as they
                # are, without building (and re-serialising) an rdflib graph.
                data = pyshacl_turbo.Input(data, "nt", None, {})
            conforms, report, _ = self._compiled.validate(data, inference="none",
                                                          focus_nodes=focus)
        else:
            if isinstance(data, str):
                data = Graph().parse(data=data, format="nt")
            import pyshacl

            with self._lock, warnings.catch_warnings():  # not documented as thread-safe
                # pySHACL still calls rdflib APIs that rdflib 7 deprecates; not our code.
                warnings.simplefilter("ignore", DeprecationWarning)
                conforms, report, _ = pyshacl.validate(
                    data, shacl_graph=self.shapes_ttl, shacl_graph_format="turtle",
                    inference="none", focus_nodes=focus)
        return ValidationReport(bool(conforms), _results(report), report)


def _results(report: Graph) -> list[dict[str, Any]]:
    """The violations as JSON-friendly dicts, sorted for stable output."""
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        item = {
            "focus_node": _term(report.value(result, SH.focusNode)),
            "path": _term(report.value(result, SH.resultPath)),
            "value": _term(report.value(result, SH.value)),
            "message": str(report.value(result, SH.resultMessage) or "constraint violated"),
            "severity": str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            "constraint": _term(report.value(result, SH.sourceConstraintComponent)),
            "shape": _term(report.value(result, SH.sourceShape)),
        }
        out.append(item)
    out.sort(key=lambda r: (r["focus_node"] or "", r["path"] or "", r["message"]))
    return out


def _term(term: Any) -> str | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, Literal):
        return str(term)
    return None  # blank nodes (anonymous shapes) have no stable name
