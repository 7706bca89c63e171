"""Entity linking: the Wikidata entity catalog, the GeoNames gazetteer, the linker and the
opt-in Wikidata API client.

    >>> from kg.linking import Catalog, Linker, MentionToLink  # doctest: +SKIP
    >>> linker = Linker(Catalog.open(path), threshold=0.75)     # doctest: +SKIP
    >>> linker.link([MentionToLink("Kharkiv", "place", 0, 7)])  # doctest: +SKIP
"""

from .catalog import AliasMatch, Catalog
from .entry import CatalogEntry
from .gazetteer import Gazetteer, GazPlace, PlaceMatch
from .linker import LinkDecision, Linker, MentionToLink
from .wikidata import WikidataClient, WikidataUnavailable

__all__ = ["AliasMatch", "Catalog", "CatalogEntry", "Gazetteer", "GazPlace", "LinkDecision",
           "Linker", "MentionToLink", "PlaceMatch", "WikidataClient", "WikidataUnavailable"]
