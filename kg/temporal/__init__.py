"""Temporal expression tagging and normalisation for English news (TimeML TIMEX3 + EDTF).

Pure and deterministic: standard library only, no models, no I/O. See ``docs/temporal.md``.

>>> from datetime import date
>>> [(t.text, t.value) for t in tag_timexes("He arrived on Sunday.", date(2022, 5, 18))]
[('Sunday', '2022-05-15')]
"""

from .publication import infer_publication_date
from .tagger import tag_timexes

__all__ = ["tag_timexes", "infer_publication_date"]
