"""The ontology and the shapes: documented, consistent with each other and with the model."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from kg import model
from kg.namespaces import TL
from kg.resources import ontology_dir


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_dir() / "timeline.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl")


def _ours(term) -> bool:
    return isinstance(term, URIRef) and str(term).startswith("https://w3id.org/timeline-kg/")


def test_every_term_has_label_and_comment(onto):
    terms = {s for s in onto.subjects() if _ours(s)}
    assert len(terms) > 100
    missing = [t for t in terms if (t, RDFS.label, None) not in onto
               or (t, RDFS.comment, None) not in onto]
    assert missing == []


def test_every_shape_has_a_message(shapes):
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert len(node_shapes) >= 12
    for shape in node_shapes:
        assert (shape, SH.message, None) in shapes, shape
        for prop in shapes.objects(shape, SH.property):
            assert (prop, SH.message, None) in shapes, (shape, prop)


def _scheme(onto, name) -> set[str]:
    return {str(c) for c in onto.subjects(SKOS.inScheme, TL[name])}


def _sh_in(shapes, path) -> set[str]:
    """The sh:in list of the property shape on ``path`` that carries an sh:message."""
    found = set()
    for prop in shapes.subjects(SH.path, path):
        if (prop, SH.message, None) not in shapes:
            continue
        for lst in shapes.objects(prop, SH["in"]):
            found.add(frozenset(str(x) for x in Collection(shapes, lst)))
    assert len(found) == 1, f"{path} should have one sh:in list, found {len(found)}"
    return set(found.pop())


@pytest.mark.parametrize("path, scheme", [
    (TL.eventType, "EventTypes"), (TL.modality, "Modalities"), (TL.timeBasis, "TimeBases"),
    (TL.linkStatus, "LinkStatuses"), (TL.publicationStatus, "PublicationStatuses"),
])
def test_shape_lists_match_the_concept_schemes(onto, shapes, path, scheme):
    assert _sh_in(shapes, path) == _scheme(onto, scheme)


def test_precision_and_role_lists_match(onto, shapes):
    from rdflib import Namespace

    sem = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    precisions = set()
    for prop in shapes.subjects(SH.path, TL.precision):
        for lst in shapes.objects(prop, SH["in"]):
            precisions.add(frozenset(str(x) for x in Collection(shapes, lst)))
    assert precisions == {frozenset(_scheme(onto, "Precisions"))}
    assert _sh_in(shapes, sem.roleType) == _scheme(onto, "Roles")


def test_model_vocabularies_match_the_ontology(onto):
    types = {str(c).rsplit("#", 1)[1] for c in _scheme_iris(onto, "EventTypes")}
    assert types == set(model.EVENT_TYPES)
    notations = lambda name: {str(onto.value(c, SKOS.notation))  # noqa: E731
                              for c in _scheme_iris(onto, name)}
    assert notations("Precisions") == set(model.PRECISIONS)
    assert notations("Modalities") == set(model.MODALITIES)
    assert notations("Roles") == set(model.ROLES)
    assert notations("TimeBases") == set(model.TIME_BASES)
    assert notations("LinkStatuses") == set(model.LINK_STATUSES)
    assert notations("PublicationStatuses") == set(model.PUBLISHED_STATUSES)


def _scheme_iris(onto, name):
    return list(onto.subjects(SKOS.inScheme, TL[name]))


def test_event_types_map_to_external_classifications(onto):
    mapped = {s for s in _scheme_iris(onto, "EventTypes") if (s, SKOS.closeMatch, None) in onto}
    assert len(mapped) >= 25
    assert (TL.Event, RDFS.subClassOf, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")) \
        in onto
    assert (URIRef("https://w3id.org/timeline-kg/ontology"), RDF.type, OWL.Ontology) in onto


def test_wikidata_alignments_come_from_the_verified_table(onto):
    import csv

    from kg.resources import data_dir

    with open(data_dir() / "ontology_wikidata_classes.csv", encoding="utf-8") as f:
        verified = {row["qid"] for row in csv.DictReader(f)}
    used = {str(o).rsplit("/", 1)[1] for o in onto.objects()
            if str(o).startswith("http://www.wikidata.org/entity/Q")}
    assert used and used <= verified, sorted(used - verified)
