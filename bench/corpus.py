"""Generate the benchmark corpora from our own samples (never from the shared corpus).

Why generated: the dev corpus may not be copied into the repository and is far too small to time
a throughput; our samples, repeated in a shuffled order, give a corpus of any size whose mix of
damage is that of real aggregator pages. The shuffle is seeded so two runs time the same input.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
OUT = REPO / "bench" / "out"


def load_samples() -> list[tuple[str, str]]:
    """(name, text) of every sample article, sorted by name."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]


def shuffled(samples: list[tuple[str, str]], seed: int = 1) -> Iterator[tuple[str, str]]:
    """An endless stream of the samples, each round in a new seeded order."""
    rng = random.Random(seed)
    while True:
        batch = list(samples)
        rng.shuffle(batch)
        yield from batch


def articles_by_size(total_bytes: int, seed: int = 1) -> list[tuple[str, str]]:
    """Samples repeated and shuffled until their UTF-8 size reaches ``total_bytes``."""
    out, size = [], 0
    for name, text in shuffled(load_samples(), seed):
        if size >= total_bytes:
            break
        out.append((name, text))
        size += len(text.encode("utf-8"))
    return out


def articles_by_count(count: int, seed: int = 2) -> list[tuple[str, str]]:
    stream = shuffled(load_samples(), seed)
    return [next(stream) for _ in range(count)]


def write_jsonl(path: Path, articles: Iterator[tuple[str, str]] | list[tuple[str, str]]) -> tuple[int, int]:
    """Write one JSON object per article (``id``, ``source``, ``text``); returns (articles, text bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = size = 0
    with path.open("w", encoding="utf-8") as fh:
        for n, (name, text) in enumerate(articles, 1):
            fh.write(json.dumps({"id": n, "source": name, "text": text}, ensure_ascii=False))
            fh.write("\n")
            size += len(text.encode("utf-8"))
    return n, size


def write_jsonl_of_size(path: Path, total_bytes: int, seed: int = 3) -> tuple[int, int]:
    """Stream a JSONL file of about ``total_bytes`` of article text without holding it in memory."""

    def gen() -> Iterator[tuple[str, str]]:
        size = 0
        for name, text in shuffled(load_samples(), seed):
            if size >= total_bytes:
                return
            size += len(text.encode("utf-8"))
            yield name, text

    if path.is_file() and path.stat().st_size >= total_bytes:
        return count_jsonl(path)
    return write_jsonl(path, gen())


def count_jsonl(path: Path) -> tuple[int, int]:
    n = size = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            n += 1
            size += len(json.loads(line)["text"].encode("utf-8"))
    return n, size


def long_article(paragraph_rounds: int, seed: int = 4) -> str:
    """One article made of the samples' paragraphs, ``paragraph_rounds`` times, each round in a
    different order: the input of the linear-scaling check (1x, 2x, 4x the same size)."""
    paras = [p for _, t in load_samples() for p in t.split("\n\n") if p.strip()]
    rng = random.Random(seed)
    out = []
    for _ in range(paragraph_rounds):
        batch = list(paras)
        rng.shuffle(batch)
        out.extend(batch)
    return "\n\n".join(out) + "\n"
