"""SPARQL constraints of the form ``SELECT ... WHERE { triple patterns FILTER(...) }``,
evaluated in Python over the :class:`DataGraph` index, without loading a store.

Only what it can evaluate exactly is compiled: triple patterns with IRI predicates and IRI
or variable subjects and objects, and filters built from comparisons, ``||``, ``&&``, ``!``,
integer ``+ - *``, ``STR``, ``STRLEN`` and ``SUBSTR`` over integers, plain strings and IRIs.
Any other query raises :class:`Unsupported` when the shapes are compiled (pyoxigraph runs it
instead), and any value outside those kinds (a language-tagged or ill-formed literal, a blank
node in an expression, a comparison of different kinds) raises :class:`Defer` at run time:
the screen never guesses a filter's outcome.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rdflib import Literal, URIRef, Variable
from rdflib.plugins.sparql.parserutils import CompValue

from .data import XSD, XSD_STRING, DataGraph, Defer

XSD_INTEGER = XSD + "integer"
_INTEGER = re.compile(r"[+-]?[0-9]+")

Solution = dict[str, str]  # variable name -> N-Triples spelling of its value
Expr = Callable[[Solution, DataGraph], object]


class Unsupported(ValueError):
    """The query uses something this evaluator does not implement."""


class Iri(str):
    """An IRI as a filter value (a plain ``str`` is a string literal)."""


class Query:
    """The compiled query: its triple patterns and its filter."""

    def __init__(self, patterns: list[tuple[str, str, str]], test: Expr | None):
        self.patterns = patterns  # (subject, predicate, object): "?var" or "<iri>"
        self.test = test

    @classmethod
    def compile(cls, algebra: CompValue) -> Query:
        """Compile ``SelectQuery(Project(Filter*(BGP)))``; Unsupported otherwise."""
        node = dict.get(algebra, "p") if algebra.name == "SelectQuery" else None
        if not isinstance(node, CompValue) or node.name != "Project":
            raise Unsupported("not a plain SELECT")
        node = node["p"]
        tests: list[Expr] = []
        while isinstance(node, CompValue) and node.name == "Filter":
            tests.append(_expression(node["expr"]))
            node = node["p"]
        if not isinstance(node, CompValue) or node.name != "BGP":
            raise Unsupported("not a basic graph pattern")
        patterns = [tuple(_pattern_term(t, i) for i, t in enumerate(triple))
                    for triple in node["triples"]]
        if not patterns:
            raise Unsupported("no triple pattern")
        test = None if not tests else tests[0] if len(tests) == 1 else \
            _all_of(tests)
        return cls(patterns, test)  # type: ignore[arg-type]

    def solutions(self, data: DataGraph, bound: Solution | None = None) -> list[Solution]:
        """The solutions of the triple patterns (extending ``bound``) that pass the filter."""
        found = [dict(bound or {})]
        todo = list(self.patterns)
        while todo and found:
            pattern = max(todo, key=lambda t: _boundness(t, found[0]))
            todo.remove(pattern)
            found = [x for sol in found for x in _extend(sol, pattern, data)]
        test = self.test
        if test is None:
            return found
        out = []
        for sol in found:
            verdict = test(sol, data)
            if type(verdict) is not bool:
                raise Defer("a filter that is not a boolean")
            if verdict:
                out.append(sol)
        return out


def _boundness(pattern: tuple[str, str, str], sol: Solution) -> int:
    s, _, o = pattern
    return 2 * (s[0] != "?" or s[1:] in sol) + (o[0] != "?" or o[1:] in sol)


def _extend(sol: Solution, pattern: tuple[str, str, str], data: DataGraph) -> list[Solution]:
    s, p, o = pattern
    s_val = s if s[0] != "?" else sol.get(s[1:])
    o_val = o if o[0] != "?" else sol.get(o[1:])
    if s_val is not None:
        objects = data.values(s_val, p)
        if o_val is not None:
            return [sol] if o_val in objects else []
        return [{**sol, o[1:]: v} for v in objects if o != s or v == s_val]
    if o_val is not None:
        return [{**sol, s[1:]: v} for v in data.inverse_values(o_val, p)]
    out = []
    for subject, props in data.out.items():
        for v in props.get(p, ()):
            if s == o and v != subject:
                continue
            out.append({**sol, s[1:]: subject, o[1:]: v})
    return out


def _pattern_term(term: object, position: int) -> str:
    if isinstance(term, Variable):
        if position == 1:
            raise Unsupported("a variable predicate")
        return f"?{term}"
    if isinstance(term, URIRef):
        return f"<{term}>"
    raise Unsupported("a literal, blank node or path in a triple pattern")


# -- filter expressions ---------------------------------------------------------------------

def _value(term: str, data: DataGraph) -> object:
    """A data term as a filter value: int, str (xsd:string) or Iri; Defer otherwise."""
    first = term[0]
    if first == "<":
        if "\\" in term:
            raise Defer("escaped IRI")
        return Iri(term[1:-1])
    if first == '"':
        lexical, datatype, _ = data.literal(term)
        if datatype == XSD_STRING:
            return lexical
        if datatype == XSD_INTEGER and _INTEGER.fullmatch(lexical):
            return int(lexical)
    raise Defer("a value the evaluator does not read")


def _constant(term: Literal) -> object:
    if term.language is None and term.datatype is None or \
            str(term.datatype) == XSD_STRING:
        return str(term)
    if str(term.datatype) == XSD_INTEGER and _INTEGER.fullmatch(str(term)):
        return int(str(term))
    raise Unsupported("a constant other than an integer or a plain string")


def _expression(e: object) -> Expr:
    if isinstance(e, Variable):
        name = str(e)

        def variable(sol: Solution, data: DataGraph) -> object:
            term = sol.get(name)
            if term is None:
                raise Defer("an unbound variable")
            cache = data.filter_values
            value = cache.get(term)
            if value is None:
                value = cache[term] = _value(term, data)
            return value
        return variable
    if isinstance(e, Literal):
        value = _constant(e)
        return lambda sol, data: value
    if isinstance(e, URIRef):
        iri = Iri(str(e))
        return lambda sol, data: iri
    if not isinstance(e, CompValue):
        raise Unsupported(f"expression {type(e).__name__}")
    build = _BUILDERS.get(e.name)
    if build is None:
        raise Unsupported(f"expression {e.name}")
    return build(e)


def _all_of(tests: list[Expr]) -> Expr:
    def both(sol: Solution, data: DataGraph) -> object:
        for t in tests:
            if _boolean(t(sol, data)) is False:
                return False
        return True
    return both


def _of_type(v: object, kind: type) -> Any:
    """The value if it is exactly of ``kind`` (a bool is no int, an Iri no plain string);
    Defer otherwise: an operand of another type is an error the screen does not judge."""
    if type(v) is not kind:
        raise Defer(f"an operand that is not a {kind.__name__}")
    return v


def _boolean(v: object) -> bool:
    return _of_type(v, bool)


def _or(e: CompValue) -> Expr:
    parts = [_expression(e["expr"])] + [_expression(x) for x in dict.get(e, "other") or ()]

    def either(sol: Solution, data: DataGraph) -> object:
        for part in parts:  # (an error in any operand defers: no shortcut past it)
            if _boolean(part(sol, data)):
                return True
        return False
    return either


def _and(e: CompValue) -> Expr:
    return _all_of([_expression(e["expr"])] + [_expression(x) for x in dict.get(e, "other") or ()])


def _not(e: CompValue) -> Expr:
    inner = _expression(e["expr"])
    return lambda sol, data: not _boolean(inner(sol, data))


_COMPARE = {"<": lambda a, b: a < b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b,
            ">=": lambda a, b: a >= b, "=": lambda a, b: a == b, "!=": lambda a, b: a != b}


def _relational(e: CompValue) -> Expr:
    op = e["op"]
    if op not in _COMPARE:
        raise Unsupported(f"operator {op}")
    compare = _COMPARE[op]
    left, right = _expression(e["expr"]), _expression(e["other"])
    ordering = op not in ("=", "!=")

    def relation(sol: Solution, data: DataGraph) -> object:
        a, b = left(sol, data), right(sol, data)
        kind = _kind(a)
        if kind != _kind(b) or kind == "iri" and ordering:
            raise Defer("comparing values of different kinds")
        return compare(a, b)
    return relation


def _kind(v: object) -> str:
    if isinstance(v, Iri):
        return "iri"
    if type(v) is int:
        return "int"
    if type(v) is str:
        return "str"
    raise Defer("a value of another kind")


def _arithmetic(e: CompValue) -> Expr:
    ops = list(e["op"])
    if any(op not in ("+", "-", "*") for op in ops):
        raise Unsupported("division")
    first = _expression(e["expr"])
    rest = [_expression(x) for x in e["other"]]

    def compute(sol: Solution, data: DataGraph) -> object:
        total = _integer(first(sol, data))
        for op, x in zip(ops, rest, strict=True):
            v = _integer(x(sol, data))
            total = total + v if op == "+" else total - v if op == "-" else total * v
        return total
    return compute


def _integer(v: object) -> int:
    return _of_type(v, int)


def _string(v: object) -> str:
    return _of_type(v, str)


def _str(e: CompValue) -> Expr:
    arg = e["arg"]
    if isinstance(arg, Variable):
        name = str(arg)

        def lexical(sol: Solution, data: DataGraph) -> object:
            term = sol.get(name)
            if term is None or term[0] == "_":
                raise Defer("STR of an unbound variable or a blank node")
            if term[0] == "<":
                return str(_value(term, data))
            return data.literal(term)[0]  # the lexical form, whatever the datatype
        return lexical
    inner = _expression(arg)

    def string(sol: Solution, data: DataGraph) -> object:
        v = inner(sol, data)
        if isinstance(v, Iri):
            return str(v)
        return _string(v)
    return string


def _strlen(e: CompValue) -> Expr:
    inner = _expression(e["arg"])
    return lambda sol, data: len(_string(inner(sol, data)))


def _substr(e: CompValue) -> Expr:
    text, start = _expression(e["arg"]), _expression(e["start"])
    length = _expression(e["length"]) if dict.get(e, "length") is not None else None

    def substring(sol: Solution, data: DataGraph) -> object:
        # fn:substring: the characters at positions p (from 1) with start <= p < start + length
        s = _string(text(sol, data))
        first = _integer(start(sol, data))
        lo = max(first, 1)
        if length is None:
            return s[lo - 1:]
        hi = first + _integer(length(sol, data))
        return s[lo - 1:hi - 1] if hi > lo else ""
    return substring


_BUILDERS: dict[str, Callable[[CompValue], Expr]] = {
    "ConditionalOrExpression": _or, "ConditionalAndExpression": _and, "UnaryNot": _not,
    "RelationalExpression": _relational, "AdditiveExpression": _arithmetic,
    "MultiplicativeExpression": _arithmetic, "Builtin_STR": _str, "Builtin_STRLEN": _strlen,
    "Builtin_SUBSTR": _substr}
