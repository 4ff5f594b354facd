"""Check a partitioned JSON Lines corpus on a Dask cluster with the fixer library.

fixer's own ``--jobs`` uses the cores of one machine; a corpus too big for one machine runs
on an existing distributed engine with nothing rewritten: a ``fixer.Fixer`` loads its rules
once per worker and pickles cheaply (only its ``Config`` travels), so it can be handed to
``dask.bag`` like any other argument. Each part file of the corpus is one partition; each
worker streams its part line by line, so memory stays flat.

The result is one dict per article, exactly the ``files`` entries of
``fixer check --format json`` (same path, record index, findings, offsets and fixes).

Install the extra and run it::

    pip install 'fixer[dask]'          # dask[bag]; add `distributed` for a cluster
    python examples/dask_example.py 'corpus/part-*.jsonl' > findings.jsonl

With ``--scheduler tcp://host:8786`` it runs on an existing cluster; without it, on a local
cluster of worker processes started for the occasion.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from collections.abc import Iterator
from typing import Any

from fixer import Config, Fixer


def check_part(path: str, fixer: Fixer, field: str = "text") -> Iterator[dict[str, Any]]:
    """The JSON entries of every article of one JSON Lines file, streamed line by line.

    Lines that are not a JSON object with a string ``field`` are skipped, as ``fixer check``
    skips them (it also reports them; here a pipeline would log them).
    """
    from fixer.document import Document
    from fixer.output.json_out import finding_json

    with open(path, encoding="utf-8", newline="") as fh:
        for index, line in enumerate(fh):
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            text = obj.get(field) if isinstance(obj, dict) else None
            if not isinstance(text, str):
                continue
            doc = Document(text)
            findings = fixer.check(text, path)
            yield {"path": path, "record": index, "findings": [finding_json(f, doc) for f in findings]}


def check_corpus(paths: list[str], config: Config | None = None, field: str = "text") -> list[dict[str, Any]]:
    """Check every part file in parallel on the current Dask scheduler; entries in input order."""
    import dask.bag as db

    fixer = Fixer(config or Config())
    bag = db.from_sequence(paths, npartitions=max(1, len(paths)))
    return bag.map(lambda p: list(check_part(p, fixer, field))).flatten().compute()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("patterns", nargs="+", help="JSON Lines part files or glob patterns")
    ap.add_argument("--scheduler", help="address of a running dask scheduler (default: a local cluster)")
    ap.add_argument("--workers", type=int, default=2, help="workers of the local cluster")
    ap.add_argument("--select", default="", help="rule ids or categories, comma-separated")
    ap.add_argument("--text-field", default="text")
    args = ap.parse_args(argv)
    paths = sorted(p for pat in args.patterns for p in (glob.glob(pat) or [pat]))
    config = Config(select=tuple(s for s in args.select.split(",") if s))

    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True))
    with client:
        for entry in check_corpus(paths, config, args.text_field):
            sys.stdout.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
