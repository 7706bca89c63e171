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

import operator
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
        self.patterns = patterns  # (subject, predicate, object): "<iri>" or a variable's name
        self.test = test

    @classmethod
    def compile(cls, algebra: CompValue) -> Query:
        """Compile ``SelectQuery(Project(Filter*(BGP)))``; Unsupported otherwise."""
        node = dict.get(algebra, "p") if algebra.name == "SelectQuery" else None
        if not isinstance(node, CompValue) or node.name != "Project":
            raise Unsupported("not a plain SELECT")
        node = node["p"]
        tests: list[object] = []
        while isinstance(node, CompValue) and node.name == "Filter":
            tests.append(node["expr"])
            node = node["p"]
        if not isinstance(node, CompValue) or node.name != "BGP":
            raise Unsupported("not a basic graph pattern")
        patterns = [tuple(_pattern_term(t, i) for i, t in enumerate(triple))
                    for triple in node["triples"]]
        if not patterns:
            raise Unsupported("no triple pattern")
        return cls(patterns, _compile_test(tests) if tests else None)  # type: ignore[arg-type]

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
    return 2 * (s[0] == "<" or s in sol) + (o[0] == "<" or o in sol)


def _extend(sol: Solution, pattern: tuple[str, str, str], data: DataGraph) -> list[Solution]:
    s, p, o = pattern
    s_val = s if s[0] == "<" else sol.get(s)
    o_val = o if o[0] == "<" else sol.get(o)
    # (each solution is held by one list only, so a single extension may update it in place)
    if s_val is not None:
        objects = data.values(s_val, p)
        if o_val is not None:
            return [sol] if o_val in objects else []
        if len(objects) == 1 and o != s:
            sol[o] = objects[0]
            return [sol]
        return [{**sol, o: v} for v in objects if o != s or v == s_val]
    if o_val is not None:
        subjects = data.inverse_values(o_val, p)
        if len(subjects) == 1:
            sol[s] = subjects[0]
            return [sol]
        return [{**sol, s: v} for v in subjects]
    out = []
    for subject, props in data.out.items():
        for v in props.get(p, ()):
            if s == o and v != subject:
                continue
            out.append({**sol, s: subject, o: v})
    return out


def _pattern_term(term: object, position: int) -> str:
    if isinstance(term, Variable):
        if position == 1:
            raise Unsupported("a variable predicate")
        return str(term)  # (no IRI's spelling: those begin with "<")
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


def _compile_test(exprs: list[object]) -> Expr:
    """The filters (all must hold) as one generated Python function of a solution: the
    expression tree written out as nested calls and operators, with the type checks of
    SPARQL's operators in small helpers, compiled once per shapes graph. A variable's value
    is read once, where the evaluation first comes to it, into a local the operands that
    surely come later reuse."""
    names: dict[str, object] = dict(_HELPERS)
    read: dict[str, str] = {}
    body = " and ".join(_emit_boolean(e, names, read) for e in exprs) if len(exprs) > 1 \
        else _emit(exprs[0], names, read)
    exec(compile(f"def test(sol, data):\n    return {body}\n",  # noqa: S102
                 "<SHACL screen: SPARQL filter>", "exec"), names)
    return names["test"]  # type: ignore[return-value]


def _emit(e: object, names: dict[str, object], read: dict[str, str]) -> str:
    """Python source for the expression ``e`` (constants go to ``names``; ``read``: the
    variables surely read before ``e`` is evaluated, and their locals)."""
    if isinstance(e, Variable):
        local = read.get(str(e))
        if local is None:
            local = read[str(e)] = f"V{len(names)}"
            names[local] = None  # (the name taken: a local of the function)
            return f"({local} := _var(sol, data, {str(e)!r}))"
        return local
    if isinstance(e, (Literal, URIRef)):
        key = f"K{len(names)}"
        names[key] = _constant(e) if isinstance(e, Literal) else Iri(str(e))
        return key
    if not isinstance(e, CompValue):
        raise Unsupported(f"expression {type(e).__name__}")
    kind = e.name
    if kind in ("ConditionalOrExpression", "ConditionalAndExpression"):
        parts = [e["expr"], *(dict.get(e, "other") or ())]
        joiner = " or " if kind == "ConditionalOrExpression" else " and "
        # (an error in an operand defers: no shortcut past it, as "or" and "and" read left
        # to right and stop at the first operand that decides; what the later operands read
        # is read for sure only in them)
        first = _emit_boolean(parts[0], names, read)
        later = dict(read)
        return "(" + joiner.join([first, *(_emit_boolean(x, names, later)
                                           for x in parts[1:])]) + ")"
    if kind == "UnaryNot":
        return f"(not {_emit_boolean(e['expr'], names, read)})"
    if kind == "RelationalExpression":
        op = e["op"]
        if op not in _COMPARE:
            raise Unsupported(f"operator {op}")
        left = _emit(e["expr"], names, read)
        return f"_rel({op!r}, {left}, {_emit(e['other'], names, read)})"
    if kind in ("AdditiveExpression", "MultiplicativeExpression"):
        ops = list(e["op"])
        if any(op not in ("+", "-", "*") for op in ops):
            raise Unsupported("division")
        out = _emit_integer(e["expr"], names, read)
        for op, x in zip(ops, e["other"], strict=True):
            out = f"({out} {op} {_emit_integer(x, names, read)})"
        return out
    if kind == "Builtin_STR":
        arg = e["arg"]
        if isinstance(arg, Variable):
            return f"_lexical(sol, data, {str(arg)!r})"
        return f"_str_of({_emit(arg, names, read)})"
    if kind == "Builtin_STRLEN":
        return f"len(_string({_emit(e['arg'], names, read)}))"
    if kind == "Builtin_SUBSTR":
        text, start = _emit(e["arg"], names, read), _emit(e["start"], names, read)
        length = _emit(e["length"], names, read) if dict.get(e, "length") is not None \
            else "None"
        return f"_substr({text}, {start}, {length})"
    raise Unsupported(f"expression {kind}")


# expressions whose value is always a bool (or an error): no type check needed on them
_BOOLEAN_KINDS = frozenset({"ConditionalOrExpression", "ConditionalAndExpression",
                            "UnaryNot", "RelationalExpression"})


def _emit_boolean(e: object, names: dict[str, object], read: dict[str, str]) -> str:
    """Python source for ``e`` as an operand of ``||``, ``&&``, ``!``: checked to be a
    boolean unless it always is one."""
    code = _emit(e, names, read)
    return code if isinstance(e, CompValue) and e.name in _BOOLEAN_KINDS else f"_bool({code})"


def _emit_integer(e: object, names: dict[str, object], read: dict[str, str]) -> str:
    """Python source for ``e`` as an operand of ``+ - *``: checked to be an integer unless it
    is an integer constant."""
    code = _emit(e, names, read)
    return code if type(names.get(code)) is int else f"_int({code})"


def _var(sol: Solution, data: DataGraph, name: str) -> object:
    term = sol.get(name)
    if term is None:
        raise Defer("an unbound variable")
    cache = data.filter_values
    value = cache.get(term)
    if value is None:
        value = cache[term] = _value(term, data)
    return value


def _of_type(v: object, kind: type) -> Any:
    """The value if it is exactly of ``kind`` (a bool is no int, an Iri no plain string);
    Defer otherwise: an operand of another type is an error the screen does not judge."""
    if type(v) is not kind:
        raise Defer(f"an operand that is not a {kind.__name__}")
    return v


def _boolean(v: object) -> bool:
    return _of_type(v, bool)


def _integer(v: object) -> int:
    return _of_type(v, int)


def _string(v: object) -> str:
    return _of_type(v, str)


_COMPARE = {"<": operator.lt, ">": operator.gt, "<=": operator.le, ">=": operator.ge,
            "=": operator.eq, "!=": operator.ne}
_KINDS = frozenset({Iri, int, str})  # the kinds of filter values (a bool is none of them)


def _relation(op: str, a: object, b: object) -> bool:
    kind = type(a)
    if kind is not type(b) or kind not in _KINDS or kind is Iri and op not in ("=", "!="):
        raise Defer("comparing values of different kinds, or of another kind")
    return _COMPARE[op](a, b)


def _lexical(sol: Solution, data: DataGraph, name: str) -> str:
    """STR of a variable: an IRI's text or a literal's lexical form, whatever its type."""
    term = sol.get(name)
    if term is None or term[0] == "_":
        raise Defer("STR of an unbound variable or a blank node")
    if term[0] == "<":
        return str(_value(term, data))
    return data.literal(term)[0]


def _str_of(v: object) -> str:
    return str(v) if isinstance(v, Iri) else _string(v)


def _substr(text: object, start: object, length: object) -> str:
    """fn:substring: the characters at positions p (from 1) with start <= p < start + length."""
    s = _string(text)
    first = _integer(start)
    lo = max(first, 1)
    if length is None:
        return s[lo - 1:]
    hi = first + _integer(length)
    return s[lo - 1:hi - 1] if hi > lo else ""


_HELPERS: dict[str, object] = {
    "_var": _var, "_bool": _boolean, "_int": _integer, "_string": _string, "_rel": _relation,
    "_lexical": _lexical, "_str_of": _str_of, "_substr": _substr}
