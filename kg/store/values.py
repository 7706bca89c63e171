"""Bind query variables on a store that takes no ``substitutions``: a ``VALUES`` block at the
start of the query's outermost ``WHERE`` group.

The terms come from pyoxigraph objects (validated IRIs and escaped literals serialised by
pyoxigraph itself), so no caller's text is pasted into the query.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from ..errors import BadRequest
from ..iris import parse_iri
from ..sparql.tokens import tokenize

_FORMS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}


def iri_values(var: str, iris: Iterable[str]) -> str:
    """``VALUES ?var { <a> <b> }`` for IRIs, each checked by pyoxigraph (for the service's own
    queries over many nodes, where one substitution per node would mean one query each)."""
    return f"VALUES ?{var} {{ {' '.join(str(parse_iri(i)) for i in iris)} }}"


def values_block(substitutions: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """``VALUES (?a ?b) { (<x> "y") }`` for the bindings."""
    names = []
    terms = []
    for name, term in substitutions.items():
        ox.Variable(name)  # validates the name
        if not isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
            raise TypeError(f"cannot bind {name!r} to {term!r}")
        if isinstance(term, ox.BlankNode):
            raise BadRequest("a blank node cannot be bound in a remote query")
        names.append(f"?{name}")
        terms.append(str(term))
    return f"VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"


def bind_values(sparql: str, substitutions: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with the bindings as a ``VALUES`` block opening its ``WHERE`` group (so that
    the store joins them first, like pyoxigraph's substitutions)."""
    tokens = tokenize(sparql)
    depth = 0
    seen_form = False
    after_where = False
    for i, tok in enumerate(tokens):
        if tok.text == "{":
            if depth == 0 and seen_form and (after_where or _implicit_where(tokens, i)):
                pos = tok.end
                return f"{sparql[:pos]} {values_block(substitutions)} {sparql[pos:]}"
            depth += 1
        elif tok.text == "}":
            depth -= 1
        elif depth == 0 and tok.upper in _FORMS:
            seen_form = True
        elif depth == 0 and seen_form and tok.upper == "WHERE":
            after_where = True
    raise BadRequest("cannot bind variables in a query without a WHERE group")


def _implicit_where(tokens, i: int) -> bool:
    """Whether the ``{`` at ``i`` opens the WHERE group of a query whose WHERE keyword is
    left out (SELECT, ASK, DESCRIBE; a CONSTRUCT's first group is its template)."""
    for tok in reversed(tokens[:i]):
        if tok.upper in _FORMS:
            return tok.upper != "CONSTRUCT"
    return False
