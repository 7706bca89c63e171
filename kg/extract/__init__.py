"""Extraction: article text -> :class:`kg.model.AnalysedArticle` (sentences, entities, time
expressions and events with provenance). Rule-based, offline and deterministic.

>>> from kg.extract import analyse_article
"""

from .pipeline import EXTRACTOR, analyse_article

__all__ = ["EXTRACTOR", "analyse_article"]
