"""The bulk pipeline: ``kg extract`` (analysis, mapping and validation in parallel processes,
one N-Quads shard and one JSON report per input chunk) and ``kg load`` (shards into a store)."""
