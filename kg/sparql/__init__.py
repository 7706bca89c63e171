"""SPARQL 1.1 Protocol: request parsing, query execution with result limits, serialisation."""
