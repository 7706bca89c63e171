"""A SPARQL 1.1 tokenizer and the analyses the service needs before running a request.

Not a full parser (pyoxigraph parses and runs the text); it finds, conservatively:
- the graphs an update may change (so that only those are validated),
- where to add ``USING`` clauses for the protocol's ``using-graph-uri`` parameters,
- ``SERVICE`` and ``LOAD`` targets (refused unless allow-listed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from ..errors import BadRequest

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
  | (?P<bnode>_:[A-Za-z0-9_\u00B7-\uFFFF.-]*)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<number>[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?))
  | (?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w\u00B7-\uFFFF.-]*)?:
              (?:[\w\u00B7-\uFFFF:%.\\-]*[\w\u00B7-\uFFFF:%-])?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<punct>\^\^|\|\||&&|!=|<=|>=|[{}()\[\];,.*=<>!+\-/|^?$a@~])
""", re.VERBOSE | re.DOTALL)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    end: int

    @property
    def upper(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def tokenize(text: str) -> list[Token]:
    """Significant tokens (no whitespace or comments); raises BadRequest on stray characters."""
    out: list[Token] = []
    pos, n = 0, len(text)
    while pos < n:
        m = _TOKEN.match(text, pos)
        if m is None:
            raise BadRequest(f"SPARQL syntax error near character {pos}")
        kind = m.lastgroup or "punct"
        if kind not in ("ws", "comment"):
            out.append(Token(kind, m.group(), m.start(), m.end()))
        pos = m.end()
    return out


@dataclass
class UpdateAnalysis:
    """What an update touches."""

    graphs: set[str | None] = field(default_factory=set)  # None = default graph
    all_graphs: bool = False
    loads: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    # (offset of WHERE, operation index, has its own USING/WITH) of each DELETE/INSERT ... WHERE
    modify_ops: list[tuple[int, int, bool]] = field(default_factory=list)
    # (offset of DELETE, end of the pattern) of each DELETE WHERE
    delete_where: list[tuple[int, int]] = field(default_factory=list)


class _Cursor:
    def __init__(self, tokens: list[Token], text: str):
        self.t = tokens
        self.i = 0
        self.text = text
        self.prefixes: dict[str, str] = {}
        self.base: str | None = None

    def peek(self, k: int = 0) -> Token | None:
        j = self.i + k
        return self.t[j] if j < len(self.t) else None

    def next(self) -> Token:
        tok = self.peek()
        if tok is None:
            raise BadRequest("SPARQL syntax error: unexpected end of the update")
        self.i += 1
        return tok

    def word(self, *words: str) -> bool:
        tok = self.peek()
        return tok is not None and tok.upper in words

    def iri(self, tok: Token) -> str | None:
        """The absolute IRI of an IRI or prefixed-name token (None for variables)."""
        if tok.kind == "iri":
            value = tok.text[1:-1]
            return urljoin(self.base, value) if self.base and ":" not in value.split("/")[0] \
                else value
        if tok.kind == "pname":
            prefix, _, local = tok.text.partition(":")
            if prefix not in self.prefixes:
                raise BadRequest(f"SPARQL syntax error: undefined prefix {prefix!r}")
            return self.prefixes[prefix] + local.replace("\\", "")
        return None

    def skip_group(self) -> tuple[int, int]:
        """Skip a balanced {...} group starting at the cursor; returns its token range."""
        start = self.i
        tok = self.next()
        if tok.text != "{":
            raise BadRequest("SPARQL syntax error: '{' expected")
        depth = 1
        while depth:
            tok = self.next()
            if tok.text == "{":
                depth += 1
            elif tok.text == "}":
                depth -= 1
        return start, self.i


def analyse_update(text: str, base_iri: str | None = None) -> UpdateAnalysis:
    """Conservatively find the graphs an update may change, its LOAD and SERVICE targets, and
    the places where protocol USING clauses go."""
    tokens = tokenize(text)
    cur = _Cursor(tokens, text)
    cur.base = base_iri
    result = UpdateAnalysis()
    op_index = 0
    while cur.peek() is not None:
        # prologue
        while cur.word("PREFIX", "BASE"):
            kw = cur.next().upper
            if kw == "BASE":
                cur.base = cur.iri(cur.next())
            else:
                name = cur.next()
                if name.kind != "pname" or not name.text.endswith(":"):
                    raise BadRequest("SPARQL syntax error in PREFIX")
                cur.prefixes[name.text[:-1]] = cur.iri(cur.next()) or ""
        if cur.peek() is None:
            break
        _operation(cur, result, op_index)
        op_index += 1
        tok = cur.peek()
        if tok is not None:
            if tok.text != ";":
                raise BadRequest(f"SPARQL syntax error near {tok.text!r}")
            cur.next()
    for i, tok in enumerate(tokens):
        if tok.upper == "SERVICE":
            j = i + 1
            if j < len(tokens) and tokens[j].upper == "SILENT":
                j += 1
            if j < len(tokens):
                target = cur.iri(tokens[j]) if tokens[j].kind in ("iri", "pname") else None
                result.services.append(target or tokens[j].text)
    return result


def _graph_ref(cur: _Cursor, result: UpdateAnalysis, *, target: bool = True) -> None:
    """GRAPH <iri> | DEFAULT | NAMED | ALL after CLEAR/DROP/CREATE/ADD/..."""
    tok = cur.next()
    kw = tok.upper
    if kw == "GRAPH":
        tok = cur.next()
        kw = ""
    if kw == "DEFAULT":
        if target:
            result.graphs.add(None)
    elif kw in ("NAMED", "ALL"):
        if target:
            result.all_graphs = True
    else:
        iri = cur.iri(tok)
        if iri is None:
            raise BadRequest("SPARQL syntax error: a graph IRI is expected")
        if target:
            result.graphs.add(iri)


def _operation(cur: _Cursor, result: UpdateAnalysis, op_index: int) -> None:
    tok = cur.next()
    kw = tok.upper
    if kw == "LOAD":
        if cur.word("SILENT"):
            cur.next()
        src = cur.iri(cur.next())
        result.loads.append(src or "")
        if cur.word("INTO"):
            cur.next()
            _graph_ref(cur, result)
        else:
            result.graphs.add(None)
        return
    if kw in ("CLEAR", "DROP", "CREATE"):
        if cur.word("SILENT"):
            cur.next()
        _graph_ref(cur, result)
        return
    if kw in ("ADD", "MOVE", "COPY"):
        if cur.word("SILENT"):
            cur.next()
        _graph_ref(cur, result, target=(kw == "MOVE"))
        if not cur.word("TO"):
            raise BadRequest(f"SPARQL syntax error: TO expected after {kw}")
        cur.next()
        _graph_ref(cur, result)
        return
    if kw in ("INSERT", "DELETE") and cur.word("DATA"):
        cur.next()
        start, end = cur.skip_group()
        _template_graphs(cur, start, end, result, default=None)
        return
    if kw == "DELETE" and cur.word("WHERE"):
        cur.next()
        start, end = cur.skip_group()
        _template_graphs(cur, start, end, result, default=None)
        result.delete_where.append((tok.start, cur.t[end - 1].end))
        return
    if kw in ("WITH", "DELETE", "INSERT"):
        _modify(cur, result, tok, op_index)
        return
    raise BadRequest(f"SPARQL syntax error: unknown update operation {tok.text!r}")


def _modify(cur: _Cursor, result: UpdateAnalysis, first: Token, op_index: int) -> None:
    default: str | None = None
    has_dataset = False
    kw = first.upper
    if kw == "WITH":
        default = cur.iri(cur.next())
        has_dataset = True
        kw = cur.next().upper
    while kw in ("DELETE", "INSERT"):
        start, end = cur.skip_group()
        _template_graphs(cur, start, end, result, default=default)
        if cur.word("DELETE", "INSERT"):
            kw = cur.next().upper
        else:
            break
    while cur.word("USING"):
        has_dataset = True
        cur.next()
        if cur.word("NAMED"):
            cur.next()
        cur.next()
    if not cur.word("WHERE"):
        tok = cur.peek()
        if tok is None or tok.text != "{":
            raise BadRequest("SPARQL syntax error: WHERE expected")
    where_tok = cur.peek()
    if cur.word("WHERE"):
        cur.next()
    cur.skip_group()
    result.modify_ops.append((where_tok.start, op_index, has_dataset))


def _template_graphs(cur: _Cursor, start: int, end: int, result: UpdateAnalysis,
                     default: str | None) -> None:
    """Graphs written by a quad template (tokens start..end, braces included)."""
    tokens = cur.t
    depth = 0
    outside_graph = False
    i = start
    graph_depths: list[int] = []
    while i < end:
        tok = tokens[i]
        if tok.text == "{":
            depth += 1
        elif tok.text == "}":
            if graph_depths and graph_depths[-1] == depth:
                graph_depths.pop()
            depth -= 1
        elif tok.upper == "GRAPH" and i + 1 < end:
            ref = tokens[i + 1]
            iri = cur.iri(ref)
            if iri is None:
                result.all_graphs = True
            else:
                result.graphs.add(iri)
            graph_depths.append(depth + 1)
            i += 2
            continue
        elif depth >= 1 and not graph_depths and tok.kind in ("iri", "pname", "var", "bnode",
                                                             "string", "number", "word"):
            outside_graph = True
        i += 1
    if outside_graph:
        result.graphs.add(default)


def add_protocol_dataset(text: str, analysis: UpdateAnalysis, using: list[str],
                         using_named: list[str]) -> str:
    """The update with ``USING``/``USING NAMED`` clauses for the protocol's parameters.

    An operation that already names its dataset (USING or WITH) conflicts with them (400).
    ``DELETE WHERE { P }`` becomes the equivalent ``DELETE { P } USING ... WHERE { P }``.
    """
    if not using and not using_named:
        return text
    if any(has for _, _, has in analysis.modify_ops):
        raise BadRequest("using-graph-uri/using-named-graph-uri cannot be combined with an "
                         "update that has its own USING or WITH clause")
    clause = " ".join([f"USING <{g}>" for g in using] +
                      [f"USING NAMED <{g}>" for g in using_named]) + " "
    edits: list[tuple[int, int, str]] = [(pos, pos, clause) for pos, _, _ in analysis.modify_ops]
    for start, end in analysis.delete_where:
        segment = text[start:end]
        brace = segment.index("{")
        pattern = segment[brace:]
        edits.append((start, end, f"DELETE {pattern} {clause}WHERE {pattern}"))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


@dataclass
class QueryAnalysis:
    """What a query reaches beyond the store, and whether it names its own dataset."""

    services: list[str] = field(default_factory=list)
    has_dataset_clause: bool = False  # FROM / FROM NAMED


def analyse_query(text: str, base_iri: str | None = None) -> QueryAnalysis:
    """``SERVICE`` targets (IRIs, or the variable's text) and ``FROM`` clauses of a query."""
    tokens = tokenize(text)
    cur = _Cursor(tokens, text)
    cur.base = base_iri
    result = QueryAnalysis()
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.upper == "PREFIX" and nxt is not None and i + 2 < len(tokens):
            if nxt.kind == "pname" and nxt.text.endswith(":"):
                cur.prefixes[nxt.text[:-1]] = _safe_iri(cur, tokens[i + 2]) or ""
        elif tok.upper == "BASE" and nxt is not None:
            cur.base = _safe_iri(cur, nxt) or cur.base
        elif tok.upper == "FROM":
            result.has_dataset_clause = True
        elif tok.upper == "SERVICE" and nxt is not None:
            target = tokens[i + 2] if nxt.upper == "SILENT" and i + 2 < len(tokens) else nxt
            result.services.append(_safe_iri(cur, target) or target.text)
    return result


def query_services(text: str) -> list[str]:
    """SERVICE targets in a query (IRIs, or the variable's text)."""
    return analyse_query(text).services


def _safe_iri(cur: _Cursor, tok: Token) -> str | None:
    try:
        return cur.iri(tok)
    except BadRequest:
        return None
