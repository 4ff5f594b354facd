"""Worker run in a child process: check or fix every record of a JSONL file with the library,
streaming it line by line, then print its own peak memory. Run alone it measures what a batch
job pays; ``bench/run.py`` starts it on a 10 MB and a 100 MB file to see that memory stays flat.

    python bench/stream.py check|fix FILE.jsonl [RULES]
"""

from __future__ import annotations

import json
import resource
import sys
import time


def main(argv: list[str]) -> int:
    mode, path = argv[0], argv[1]
    t0 = time.perf_counter()
    from fixer.engine import Config, Fixer

    select = tuple(x for x in (argv[2] if len(argv) > 2 else "").split(",") if x)
    fixer = Fixer(Config(select=select))
    n = size = findings = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            if mode == "check":
                findings += len(fixer.check(text))
            else:
                findings += len(fixer.fix(text).applied)
            n += 1
            size += len(text.encode("utf-8"))
    seconds = time.perf_counter() - t0
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"articles": n, "bytes": size, "findings": findings, "seconds": seconds, "maxrss_kb": rss_kb}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
