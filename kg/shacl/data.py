"""The data graph as the screen reads it: an index of N-Triples terms.

Terms stay in their N-Triples spelling (``<iri>``, ``_:b``, ``"lex"^^<dt>``): the mapping and
the timeline index write canonical N-Triples, so spelling equality is term equality there.
Whatever is not in that canonical form (other escapes, upper-case language tags, tabs between
terms) raises :class:`Defer`, and the graph goes to the reference engine instead.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rdflib import BNode, Graph, Literal, URIRef

from .. import ntriples as nt

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
SUBCLASS_OF = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"

# What our N-Triples writer escapes as \uXXXX (everything else is written as it is).
_CONTROL = {chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)}
_ESCAPE = re.compile(r"\\(?:u([0-9A-F]{4})|(.))", re.S)
_SIMPLE = {"\\": "\\", '"': '"', "n": "\n", "r": "\r"}
_IRI_CHARS = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')
_LANG = re.compile(r"[a-z]+(?:-[a-z0-9]+)*")


# datatype IRI -> whether it is an ordinary one (checked once per datatype)
_USUAL_DATATYPES: dict[str, bool] = {}


class Defer(Exception):
    """The screen cannot decide this graph; the reference engine must."""


def _unescape_char(m: re.Match) -> str:
    if m.group(1) is not None:
        char = chr(int(m.group(1), 16))
        if char not in _CONTROL:
            raise Defer("non-canonical \\u escape")
        return char
    char = _SIMPLE.get(m.group(2))
    if char is None:
        raise Defer("non-canonical escape")
    return char


def parse_literal(raw: str) -> tuple[str, str, str | None]:
    """``(lexical form, datatype IRI, language)`` of a canonical N-Triples literal."""
    end = raw.rfind('"')
    if end <= 0 or raw[0] != '"':
        raise Defer("not a literal")
    lexical = raw[1:end]
    tail = raw[end + 1:]
    if "\n" in lexical or "\r" in lexical:
        raise Defer("raw line break in a literal")
    if "\\" in lexical:
        rest = _ESCAPE.sub("", lexical)
        if '"' in rest or "\\" in rest:
            raise Defer("malformed literal")
        lexical = _ESCAPE.sub(_unescape_char, lexical)
    elif '"' in lexical:
        raise Defer("malformed literal")
    if not tail:
        return lexical, XSD_STRING, None
    if tail.startswith("^^<") and tail.endswith(">"):
        datatype = tail[3:-1]
        usual = _USUAL_DATATYPES.get(datatype)
        if usual is None:
            usual = datatype != RDF_LANGSTRING and _IRI_CHARS.fullmatch(datatype) is not None
            if len(_USUAL_DATATYPES) < 1024:
                _USUAL_DATATYPES[datatype] = usual
        if not usual:
            raise Defer("unusual datatype")
        return lexical, datatype, None
    if tail.startswith("@") and _LANG.fullmatch(tail[1:]):
        return lexical, RDF_LANGSTRING, tail[1:]
    raise Defer("malformed or non-canonical literal")


def term_of(term) -> str:
    """The canonical N-Triples spelling of an rdflib term."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        if term.language:
            return f"{nt.literal(str(term))}@{term.language.lower()}"
        if term.datatype is None or str(term.datatype) == XSD_STRING:
            return nt.literal(str(term))
        return nt.typed(str(term), str(term.datatype))
    raise Defer(f"unsupported term {type(term).__name__}")


class DataGraph:
    """Subject -> predicate -> objects, the instances of each class, and the N-Triples text.

    ``triples`` are N-Triples spellings as our writers produce them (see
    :mod:`kg.ntriples`); the store parses the same statements strictly when they are written.
    """

    def __init__(self, triples: Iterable[tuple[str, str, str]], text: str | None = None):
        out: dict[str, dict[str, list[str]]] = {}
        for s, p, o in triples:
            props = out.get(s)
            if props is None:
                props = out[s] = {}
            objects = props.get(p)
            if objects is None:
                props[p] = [o]
            elif o not in objects:
                objects.append(o)
        self.out = out
        self._text = text
        self._literals: dict[str, tuple[str, str, str | None]] = {}
        self._ordered: dict[str, tuple[str, object]] = {}
        self._inverse: dict[str, dict[str, list[str]]] = {}
        self._instances: dict[str, list[str]] | None = None
        self._supers: dict[str, set[str]] | None = None
        self.stores: dict = {}  # pyoxigraph stores of (some of) the data, for SPARQL constraints
        self.sparql_hits: dict = {}  # SPARQL constraint -> the focus nodes it reports
        self.filter_values: dict[str, object] = {}  # term -> its value in SPARQL filters

    @classmethod
    def from_ntriples(cls, text: str) -> DataGraph:
        """Index N-Triples text written one statement per line with single spaces."""
        def triples():
            for line in text.split("\n"):
                if not line:
                    continue
                parts = line.split(" ", 2)
                if len(parts) != 3 or parts[2][-2:] != " ." or parts[0][0] not in "<_" \
                        or parts[1][0] != "<" or parts[2][0] not in '<_"':
                    raise Defer("not one-space N-Triples")
                yield parts[0], parts[1], parts[2][:-2]
        return cls(triples(), text)

    @classmethod
    def from_graph(cls, graph: Graph) -> DataGraph:
        return cls((term_of(s), term_of(p), term_of(o)) for s, p, o in graph)

    def lines(self, predicates: set[str] | None = None) -> str:
        """The statements as N-Triples (only those with the given predicates)."""
        if predicates is None and self._text is not None:
            return self._text
        return "".join(f"{s} {p} {o} .\n" for s, props in self.out.items()
                       for p, objects in props.items()
                       if predicates is None or p in predicates for o in objects)

    def values(self, node: str, predicate: str) -> list[str]:
        props = self.out.get(node)
        if props is None:
            return []
        return props.get(predicate, [])

    def inverse_values(self, node: str, predicate: str) -> list[str]:
        return self._subjects_by_object(predicate).get(node, [])

    def _subjects_by_object(self, predicate: str) -> dict[str, list[str]]:
        index = self._inverse.get(predicate)
        if index is None:
            index = defaultdict(list)
            for s, props in self.out.items():
                for o in props.get(predicate, ()):
                    index[o].append(s)
            self._inverse[predicate] = index
        return index

    def literal(self, raw: str) -> tuple[str, str, str | None]:
        parsed = self._literals.get(raw)
        if parsed is None:
            parsed = self._literals[raw] = parse_literal(raw)
        return parsed

    def ordered(self, raw: str) -> tuple[str, object]:
        """(kind, value) of a literal for ordering comparisons (see values.comparable)."""
        found = self._ordered.get(raw)
        if found is None:
            found = self._ordered[raw] = _comparable(*self.literal(raw)[:2])
        return found

    def superclasses(self, cls: str) -> set[str]:
        """The class and its rdfs:subClassOf ancestors stated in the data graph."""
        if self._supers is None:
            direct: dict[str, set[str]] = defaultdict(set)
            for s, props in self.out.items():
                for o in props.get(SUBCLASS_OF, ()):
                    direct[s].add(o)
            closure: dict[str, set[str]] = {}
            for start in direct:
                found, todo = set(), [start]
                while todo:
                    for parent in direct.get(todo.pop(), ()):
                        if parent not in found:
                            found.add(parent)
                            todo.append(parent)
                closure[start] = found
            self._supers = closure
        return {cls} | self._supers.get(cls, set())

    def has_class(self, node: str, cls: str) -> bool:
        types = self.values(node, RDF_TYPE)
        if cls in types:
            return True
        if self._supers is None:
            self.superclasses(cls)
        return bool(self._supers) and any(cls in self._supers.get(t, ()) for t in types)

    def instances(self, cls: str) -> list[str]:
        """Nodes of the class or of its subclasses (SHACL class targets)."""
        if self._instances is None:
            self._instances = self._subjects_by_object(RDF_TYPE)
        if self._supers is None:
            self.superclasses(cls)
        if not self._supers:
            return self._instances.get(cls, [])
        found: dict[str, None] = {}
        for t, nodes in self._instances.items():
            if t == cls or cls in self._supers.get(t, ()):
                found.update(dict.fromkeys(nodes))
        return list(found)

    def subjects_of(self, predicate: str) -> list[str]:
        return [s for s, props in self.out.items() if predicate in props]

    def objects_of(self, predicate: str) -> list[str]:
        found: dict[str, None] = {}
        for props in self.out.values():
            found.update(dict.fromkeys(props.get(predicate, ())))
        return list(found)


# values.py reads Defer and XSD from this module, so it is imported once this one is complete
from .values import comparable as _comparable  # noqa: E402
