"""``kg timex-eval``: tag a TempEval-style JSONL corpus and write the scorer's system file."""

from __future__ import annotations

import json
import time

import click

from ..errors import InvalidInput
from ..temporal.corpus import tag_document


@click.command("timex-eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, readable=True))
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False,
                                                                   writable=True),
              help="Where to write the system JSONL (doc_id, timexes).")
def timex_eval_command(gold: str, out_path: str) -> None:
    """Tag every document of GOLD (JSON lines with text and dct) with the temporal tagger
    and write one system record per line, in the format te3_score.py reads."""
    records, chars, n_timexes = [], 0, 0
    started = time.perf_counter()
    with open(gold, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError:
                raise InvalidInput(f"{gold}, line {number}: not valid JSON") from None
            record = tag_document(doc, f"line {number}")
            records.append(record)
            chars += len(doc["text"])
            n_timexes += len(record["timexes"])
    elapsed = time.perf_counter() - started
    with open(out_path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    rate = f"{len(records) / elapsed:.0f} documents/s, {chars / elapsed:,.0f} chars/s" \
        if elapsed > 0 else "instant"
    click.echo(f"tagged {len(records)} documents, {n_timexes} timexes in {elapsed:.2f} s "
               f"({rate}) -> {out_path}")
