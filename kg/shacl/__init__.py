"""A compiled screen for the SHACL shapes: answers "does this graph conform?" fast.

:class:`Screen` compiles a shapes graph (SHACL Core components and SPARQL-based constraints)
into Python checks over an index of the data's N-Triples terms. It says *conforms* only when
it is sure; a violation, or anything it cannot decide (an unusual lexical form, values it does
not order), is answered "not sure", and the caller hands the graph to the reference engine
(pyshacl-turbo or pySHACL), which writes the validation report. The screen is therefore an
accelerator, never the judge of a rejection: reports always come from the reference engine.
"""

from __future__ import annotations

import logging

from rdflib import Graph

from .compiler import Compiler, TargetedShape, Unsupported
from .data import DataGraph, Defer

__all__ = ["DataGraph", "Defer", "Screen", "Unsupported"]
log = logging.getLogger(__name__)


class Screen:
    """The compiled shapes; stateless between calls, so safe to share between threads."""

    def __init__(self, shapes: Graph):
        compiler = Compiler(shapes)
        self.shapes: list[TargetedShape] = compiler.targeted()
        self.sparql = compiler.sparql  # the SPARQL-based constraints, for inspection

    @classmethod
    def from_turtle(cls, text: str) -> Screen:
        return cls(Graph().parse(data=text, format="turtle"))

    def conforms(self, data: DataGraph | str | Graph,
                 focus_nodes: list[str] | None = None) -> bool:
        """True when the data surely conforms; False when it does not or the screen cannot
        tell. ``focus_nodes`` (IRIs) limits the check to those nodes, as in pySHACL."""
        try:
            if isinstance(data, str):
                data = DataGraph.from_ntriples(data)
            elif isinstance(data, Graph):
                data = DataGraph.from_graph(data)
            focus = None if focus_nodes is None else {f"<{n}>" for n in focus_nodes}
            for shape in self.shapes:
                check = shape.check
                for node in shape.focus_nodes(data):
                    if focus is not None and node not in focus:
                        continue
                    if not check(node, data):
                        return False
            return True
        except Defer:
            return False
        except Exception:  # noqa: BLE001 - the screen never decides what it cannot read
            log.debug("SHACL screen failed; the engine decides", exc_info=True)
            return False
