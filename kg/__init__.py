"""timeline-kg: news articles in, a timeline knowledge graph of events out."""

__version__ = "0.1.0"
