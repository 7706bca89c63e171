"""Which quotation a statement trigger introduces or closes.

- closing: `"...," Zhadan wrote.` / `"...," announced a Ukrainian officer` — the trigger follows
  the quotation within a few words of the same sentence;
- opening: `Zelensky responded with a video address of his own: "Guys. ..."` — the quotation
  follows the trigger's clause after a colon or comma, with no sentence end between.
"""

from __future__ import annotations

import re

from .document import Document

_SENTENCE_END_RE = re.compile(r"[.!?]\s")
_SPACE_RE = re.compile(r"\s+")


def attached_quote(doc: Document, start: int, end: int, *, loose: bool = False
                   ) -> tuple[int, int] | None:
    """The quotation (span with marks) a statement trigger at ``start:end`` belongs to.

    ``loose``: the trigger is a speech act in itself ("praised"), so a quotation later in the
    same sentence is its content even without a colon.
    """
    if doc.quote_at(start) is not None:
        return None
    sent = doc.sentence_at(start)
    para = doc.paragraphs[sent.paragraph] if sent is not None else None
    best = None
    for q in doc.quotes:
        if para is not None and not (para.start <= q[0] < para.end):
            continue
        if q[1] <= start:
            gap = doc.text[q[1]:start]
            if len(gap.split()) <= 6 and not _SENTENCE_END_RE.search(gap) and \
                    "\n" not in gap and q[1] - q[0] > 2:
                best = q
        elif q[0] >= end:
            gap = doc.text[end:q[0]]
            words = len(gap.split())
            if (words <= 12 and (":" in gap or gap.rstrip().endswith(",")) or
                    loose and words <= 25) and not _SENTENCE_END_RE.search(gap) and \
                    "\n" not in gap:
                return q
            break
    return best


def quote_text(doc: Document, span: tuple[int, int]) -> str:
    inner = doc.text[span[0]:span[1]].strip().strip("\"“”").strip()
    return _SPACE_RE.sub(" ", inner).rstrip(",")
