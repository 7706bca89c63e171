"""Compiling a SHACL shapes graph into Python checks.

Each shape becomes a function ``check(focus, data) -> bool`` (True: conforms, False: a
violation) that may raise :class:`Defer` when it cannot be sure. Only the SHACL Core
components listed in ``_NODE_PARAMS``/``_PROPERTY_PARAMS`` and SPARQL-based constraints
(``sh:sparql`` with ``sh:select``) are compiled; a shapes graph using anything else raises
:class:`Unsupported`, so that no constraint is ever silently skipped.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

from .data import XSD_STRING, DataGraph, Defer, term_of
from .sparql import SparqlConstraint
from .values import CHECKED, NUMERIC_TYPES, comparable, well_formed

Check = Callable[[str, DataGraph], bool]
ValueCheck = Callable[[str, DataGraph], bool]


class Unsupported(ValueError):
    """The shapes use a SHACL feature the screen does not implement."""


# Parameters that carry no constraint.
_INERT = {SH.message, SH.name, SH.description, SH.order, SH.group, SH.severity,
          SH.defaultValue, RDFS.comment, RDFS.label, RDF.type, SH.deactivated,
          SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf}
_VALUE_PARAMS = {SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.pattern, SH.flags,
                 SH.minLength, SH.maxLength, SH.minInclusive, SH.maxInclusive,
                 SH.minExclusive, SH.maxExclusive, SH.node, SH["or"], SH["and"], SH.xone,
                 SH["not"], SH.property}
_NODE_PARAMS = _VALUE_PARAMS | {SH.hasValue, SH.sparql}
_PROPERTY_PARAMS = _VALUE_PARAMS | {SH.path, SH.minCount, SH.maxCount, SH.hasValue,
                                    SH.lessThan, SH.lessThanOrEquals}
_FLAGS = {"i": re.I, "m": re.M, "s": re.S, "x": re.X}


@dataclass
class TargetedShape:
    """A shape with targets: how to find its focus nodes and how to check one."""

    name: str
    classes: list[str]
    nodes: list[str]
    subjects_of: list[str]
    objects_of: list[str]
    check: Check

    def focus_nodes(self, data: DataGraph) -> list[str]:
        found: dict[str, None] = dict.fromkeys(self.nodes)
        for cls in self.classes:
            found.update(dict.fromkeys(data.instances(cls)))
        for p in self.subjects_of:
            found.update(dict.fromkeys(data.subjects_of(p)))
        for p in self.objects_of:
            found.update(dict.fromkeys(data.objects_of(p)))
        return list(found)


class Compiler:
    """Turns the shapes graph into :class:`TargetedShape` checks."""

    def __init__(self, shapes: Graph):
        self.g = shapes
        self._compiled: dict = {}
        self.sparql: list[SparqlConstraint] = []

    def targeted(self) -> list[TargetedShape]:
        g = self.g
        heads = set()
        for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
            heads |= set(g.subjects(p, None))
        shapes = set(g.subjects(RDF.type, SH.NodeShape)) | set(g.subjects(RDF.type,
                                                                         SH.PropertyShape))
        classes = {s for s in shapes if isinstance(s, URIRef) and (
            (s, RDF.type, RDFS.Class) in g or (s, RDF.type, OWL.Class) in g)}
        heads |= classes  # implicit class targets
        out = []
        for shape in sorted(heads, key=str):
            if self._deactivated(shape):
                continue
            implicit = [term_of(shape)] if shape in classes else []
            out.append(TargetedShape(
                name=str(shape),
                classes=[term_of(c) for c in g.objects(shape, SH.targetClass)] + implicit,
                nodes=[term_of(n) for n in g.objects(shape, SH.targetNode)],
                subjects_of=[term_of(p) for p in g.objects(shape, SH.targetSubjectsOf)],
                objects_of=[term_of(p) for p in g.objects(shape, SH.targetObjectsOf)],
                check=self.shape(shape)))
        self._share_one_store()
        return out

    def _share_one_store(self) -> None:
        """Let all SPARQL constraints read one store with the statements any of them reads."""
        wanted: set[str] | None = set()
        for c in self.sparql:
            if c.predicates is None:
                wanted = None
                break
            wanted |= c.predicates
        shared = None if wanted is None else frozenset(wanted)
        for c in self.sparql:
            c.predicates = shared

    # -- shapes ------------------------------------------------------------------------------

    def _deactivated(self, shape) -> bool:
        return any(v == Literal(True) for v in self.g.objects(shape, SH.deactivated))

    def shape(self, shape) -> Check:
        """The check for a node or property shape (cached; cycles resolved at run time)."""
        if shape in self._compiled:
            found = self._compiled[shape]
            if found is None:  # recursive reference: look it up when called
                return lambda node, data: self._compiled[shape](node, data)
            return found
        self._compiled[shape] = None
        if self._deactivated(shape):
            check: Check = lambda node, data: True  # noqa: E731
        elif self.g.value(shape, SH.path) is not None:
            check = self._property_shape(shape)
        else:
            check = self._node_shape(shape)
        self._compiled[shape] = check
        return check

    def _params(self, shape, allowed: set) -> dict:
        params: dict = {}
        for p, o in self.g.predicate_objects(shape):
            if p in _INERT:
                continue
            if p not in allowed:
                raise Unsupported(f"{p} on {shape} is not supported by the screen")
            params.setdefault(p, []).append(o)
        return params

    def _node_shape(self, shape) -> Check:
        params = self._params(shape, _NODE_PARAMS)
        value_checks = self._value_checks(shape, params)
        node_checks: list[Check] = []
        for v in params.get(SH.hasValue, []):
            key = term_of(v)
            node_checks.append(lambda node, data, key=key: _same(node, key, data))
        for c in params.get(SH.sparql, []):
            constraint = SparqlConstraint.from_shapes(self.g, c)
            self.sparql.append(constraint)
            node_checks.append(constraint.check)
        checks = value_checks + node_checks

        def check(node: str, data: DataGraph) -> bool:
            for c in checks:
                if not c(node, data):
                    return False
            return True

        return check

    def _property_shape(self, shape) -> Check:
        params = self._params(shape, _PROPERTY_PARAMS)
        if len(params[SH.path]) != 1:
            raise Unsupported(f"{shape} has several sh:path values")
        path = params[SH.path][0]
        if isinstance(path, URIRef):
            predicate, inverse = term_of(path), False
        elif isinstance(path, BNode) and set(self.g.predicates(path)) == {SH.inversePath} \
                and isinstance(self.g.value(path, SH.inversePath), URIRef):
            predicate, inverse = term_of(self.g.value(path, SH.inversePath)), True
        else:
            raise Unsupported(f"the path of {shape} is neither a predicate nor its inverse")
        value_checks = self._value_checks(shape, params)
        min_count = _one_int(params, SH.minCount, shape) or 0
        max_count = _one_int(params, SH.maxCount, shape)
        max_count = sys.maxsize if max_count is None else max_count
        has_values = [term_of(v) for v in params.get(SH.hasValue, [])]
        pairs = [(term_of(p), False) for p in params.get(SH.lessThan, [])] + \
                [(term_of(p), True) for p in params.get(SH.lessThanOrEquals, [])]
        extra = bool(has_values or pairs or min_count > 1)

        def check(node: str, data: DataGraph) -> bool:  # (an inverse path's)
            values = data.inverse_values(node, predicate)
            n = len(values)
            if n < min_count:
                return False
            if n > max_count and len({_key(v, data) for v in values}) > max_count:
                return False
            if extra and not _set_checks(node, values, data):
                return False
            if n:
                for c in value_checks:
                    for v in values:
                        if not c(v, data):
                            return False
            return True

        def _set_checks(node: str, values, data: DataGraph) -> bool:
            if min_count > 1 and len({_key(v, data) for v in values}) < min_count:
                return False
            for key in has_values:
                if not any(_same(v, key, data) for v in values):
                    return False
            for other, or_equal in pairs:
                for v in values:
                    for o in data.values(node, other):
                        if not _less(v, o, or_equal, data):
                            return False
            return True

        if inverse:
            return check
        return _generated(shape, predicate, min_count, max_count,
                          _set_checks if extra else None, value_checks)

    # -- constraints on each value node -------------------------------------------------------

    def _value_checks(self, shape, params: dict) -> list[ValueCheck]:
        checks: list[ValueCheck] = []
        for cls in params.get(SH["class"], []):
            checks.append(_class_check(term_of(cls)))
        for dt in params.get(SH.datatype, []):
            checks.append(_datatype(str(dt), shape))
        for kind in params.get(SH.nodeKind, []):
            checks.append(_node_kind(kind, shape))
        for head in params.get(SH["in"], []):
            checks.append(_in([term_of(m) for m in Collection(self.g, head)]))
        if SH.pattern in params:
            flags = 0
            for f in params.get(SH.flags, []):
                for letter in str(f):
                    if letter not in _FLAGS:
                        raise Unsupported(f"sh:flags {letter!r} on {shape}")
                    flags |= _FLAGS[letter]
            for pattern in params[SH.pattern]:
                checks.append(_pattern(re.compile(str(pattern), flags)))
        for p, cmp in ((SH.minLength, lambda n, b: n >= b), (SH.maxLength, lambda n, b: n <= b)):
            for bound in params.get(p, []):
                checks.append(_length(int(bound), cmp))
        for p, ok in ((SH.minInclusive, lambda c: c >= 0), (SH.maxInclusive, lambda c: c <= 0),
                      (SH.minExclusive, lambda c: c > 0), (SH.maxExclusive, lambda c: c < 0)):
            for bound in params.get(p, []):
                checks.append(_range(bound, ok, shape))
        for s in params.get(SH.node, []):
            sub = self.shape(s)
            checks.append(sub)
        for s in params.get(SH.property, []):
            sub = self.shape(s)
            checks.append(sub)
        for head in params.get(SH["and"], []):
            subs = [self.shape(s) for s in Collection(self.g, head)]
            checks.append(lambda v, data, subs=subs: all(s(v, data) for s in subs))
        for head in params.get(SH["or"], []):
            checks.append(_or([self.shape(s) for s in Collection(self.g, head)]))
        for head in params.get(SH.xone, []):
            subs = [self.shape(s) for s in Collection(self.g, head)]
            checks.append(lambda v, data, subs=subs: sum(bool(s(v, data)) for s in subs) == 1)
        for s in params.get(SH["not"], []):
            sub = self.shape(s)
            checks.append(lambda v, data, sub=sub: not sub(v, data))
        return checks


def _one_int(params: dict, p, shape) -> int | None:
    values = params.get(p, [])
    if len(values) > 1:
        raise Unsupported(f"several {p} on {shape}")
    return int(values[0]) if values else None


def _key(term: str, data: DataGraph):
    return data.literal(term) if term[0] == '"' else term


def _same(term: str, key: str, data: DataGraph) -> bool:
    """RDF term equality of a data term and a shape term (both N-Triples spellings)."""
    if term[0] != '"' or key[0] != '"':
        return term == key
    return data.literal(term) == data.literal(key)


def _in(members: list[str]) -> ValueCheck:
    nodes = frozenset(m for m in members if m[0] != '"')
    literals = [m for m in members if m[0] == '"']

    def check(v: str, data: DataGraph) -> bool:
        if v[0] != '"':
            return v in nodes
        return any(_same(v, m, data) for m in literals)

    if not literals:
        check.inline = ("{v} not in {x}", nodes)  # type: ignore[attr-defined]
        # (a literal is never in the set)
    return check


def _or(subs: list[Check]) -> ValueCheck:
    def check(v: str, data: DataGraph) -> bool:
        deferred = None
        for s in subs:
            try:
                if s(v, data):
                    return True
            except Defer as exc:
                deferred = exc
        if deferred is not None:
            raise deferred
        return False

    return check


def _datatype(datatype: str, shape) -> ValueCheck:
    if datatype not in CHECKED:
        raise Unsupported(f"sh:datatype <{datatype}> on {shape} is not checked by the screen")
    plain = datatype == XSD_STRING  # every lexical form is a valid xsd:string

    def check(v: str, data: DataGraph) -> bool:
        if v[0] != '"':
            return False
        parsed = data.literal(v)
        return parsed[1] == datatype and (plain or well_formed(parsed[0], datatype))

    return check


def _node_kind(kind, shape) -> ValueCheck:
    allowed = {SH.IRI: "i", SH.Literal: "l", SH.BlankNode: "b", SH.BlankNodeOrIRI: "bi",
               SH.BlankNodeOrLiteral: "bl", SH.IRIOrLiteral: "il"}.get(kind)
    if allowed is None:
        raise Unsupported(f"sh:nodeKind {kind} on {shape}")

    def check(v: str, data: DataGraph) -> bool:
        first = v[0]
        return ("i" if first == "<" else "l" if first == '"' else "b") in allowed

    if allowed in ("i", "l"):
        check.inline = (  # type: ignore[attr-defined]
            "{v}[0] != " + repr("<" if allowed == "i" else '"'), None)
    return check


def _text(v: str, data: DataGraph) -> str:
    if v[0] == "<":
        if "\\" in v:
            raise Defer("escaped IRI")
        return v[1:-1]
    if v[0] == '"':
        return data.literal(v)[0]
    raise Defer("string value of a blank node")  # a violation in SHACL; let the reference say


def _pattern(regex: re.Pattern) -> ValueCheck:
    def check(v: str, data: DataGraph) -> bool:
        if v[0] == "_":
            return False
        return regex.search(_text(v, data)) is not None

    return check


def _length(bound: int, cmp) -> ValueCheck:
    def check(v: str, data: DataGraph) -> bool:
        if v[0] == "_":
            return False
        return cmp(len(_text(v, data)), bound)

    return check


def _range(bound, ok, shape) -> ValueCheck:
    if not isinstance(bound, Literal) or str(bound.datatype) not in NUMERIC_TYPES:
        raise Unsupported(f"a non-numeric range bound on {shape}")
    _, limit = comparable(str(bound), str(bound.datatype))

    def check(v: str, data: DataGraph) -> bool:
        if v[0] != '"':
            return False
        if data.literal(v)[1] not in NUMERIC_TYPES:
            raise Defer("comparing a non-number with a numeric bound")
        value = data.ordered(v)[1]
        return ok((value > limit) - (value < limit))

    return check


def _less(v: str, o: str, or_equal: bool, data: DataGraph) -> bool:
    if v[0] != '"' or o[0] != '"':
        raise Defer("ordering IRIs or blank nodes")
    kv, a = data.ordered(v)
    ko, b = data.ordered(o)
    if kv != ko:
        raise Defer("incomparable values")
    return a <= b if or_equal else a < b


def _class_check(cls: str):
    """A value that is a node with ``cls`` among its classes (rdf:type + rdfs:subClassOf)."""
    def check(v: str, data: DataGraph) -> bool:
        return v[0] != '"' and data.has_class(v, cls)

    check.inline = ("{v}[0] == '\"' or not data.has_class({v}, {x})",  # type: ignore[attr-defined]
                    cls)
    return check


# A value check may carry ``inline``: (a Python condition that holds when the value fails it,
# with {v} for the value and {x} for the constant, and the constant), which the generated
# checks write out instead of calling it.


def _generated(shape, predicate: str, min_count: int, max_count: int,
               set_checks: Callable | None, value_checks: list[ValueCheck]) -> Check:
    """A property shape's check as the source of one function, compiled once: the counts,
    the checks on the set of values and each value's checks in one frame, the simplest value
    checks (node kind, sh:in of IRIs, sh:class) inlined, the others called. It decides as
    the closures would; only the order in which values are tried may differ, and a value
    that fails is a violation whatever the others are."""
    names: dict[str, object] = {"_key": _key, "PREDICATE": predicate,
                                "SET_CHECKS": set_checks}
    lines = ["def check(node, data):",
             "    props = data.out.get(node)",
             "    values = props.get(PREDICATE, ()) if props is not None else ()"]
    if min_count > 0:
        lines.append(f"    if len(values) < {min_count}: return False")
    if max_count < sys.maxsize:
        lines.append(f"    if len(values) > {max_count} and "
                     f"len({{_key(v, data) for v in values}}) > {max_count}: return False")
    if set_checks is not None:
        lines.append("    if not SET_CHECKS(node, values, data): return False")
    if value_checks:
        lines.append("    for v in values:")
        for k, c in enumerate(value_checks):
            inline = getattr(c, "inline", None)
            if inline is None:
                names[f"C{k}"] = c
                lines.append(f"        if not C{k}(v, data): return False")
            else:
                condition, constant = inline
                names[f"X{k}"] = constant
                lines.append(f"        if {condition.format(v='v', x=f'X{k}')}: return False")
    lines.append("    return True")
    exec(compile("\n".join(lines), f"<SHACL screen: {shape}>", "exec"), names)  # noqa: S102
    return names["check"]  # type: ignore[return-value]
