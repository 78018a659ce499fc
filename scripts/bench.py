"""Throughput of ``eventwire extract`` next to bare spaCy parsing of the same texts, in one run.

Reads the first N documents with text of ../shared/data/corpus/reuters21578.jsonl (never copied
into the repository), writes them to a temporary JSON Lines file, and times, each in its own
process and including model loading:

* bare spaCy: the same English small model with tok2vec, parser and ner, ``nlp.pipe`` with
  ``n_process`` = workers;
* ``eventwire extract FILE --workers N`` (JSON Lines out to /dev/null).

Prints docs/s, words/s, peak memory (largest process, MB) and the ratio eventwire / bare.
The runs alternate (bare, eventwire, bare, eventwire...) and the best of each is kept.

Then what the statements stage, and the places and dates stages together, add to extract (issue
limits: 10% each), two ways:

* as run: ``eventwire extract``'s own code path (runner.extract with its workers, JSON out), each
  in a fresh process including model loading, with all stages and without those stages, alternating,
  best of ``--rounds``;
* in this process over the first ``--share-docs`` documents: the time of each step (cleaning, each
  stage, writing the JSON output), models loaded beforehand: a stricter figure, since it leaves out
  reading, start-up and the exchange with worker processes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

BARE_SPACY = """
import sys
from eventwire.nlp import MODEL_MODULES
import importlib
for name in MODEL_MODULES:
    try:
        module = importlib.import_module(name)
        break
    except ImportError:
        continue
nlp = module.load(exclude=["tagger", "attribute_ruler", "lemmatizer"])
import json
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
n = 0
for doc in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=32):
    n += 1
assert n == len(texts)
"""


def load_texts(shared: Path, limit: int) -> list[dict]:
    records = []
    with open(shared / "data/corpus/reuters21578.jsonl", encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            if item.get("text"):
                records.append({"id": f"reuters-{item['newid']}", "text": item["text"]})
                if len(records) >= limit:
                    break
    return records


MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def timed(command: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of the largest process of ``command``, measured in a fresh wrapper."""
    output = subprocess.run([sys.executable, "-c", MEASURE, *command], check=True, capture_output=True, text=True)
    seconds, peak_kb = output.stdout.split()
    return float(seconds), int(peak_kb) / 1024


WITHOUT_STAGES = """
import json, sys
from eventwire.pipeline import DEFAULT_STAGES, PipelineConfig
from eventwire.runner import extract
left_out = set(sys.argv[3].split(",")) if sys.argv[3] else set()
config = PipelineConfig(stages=tuple(s for s in DEFAULT_STAGES if s not in left_out))
for item in extract([sys.argv[1]], config=config, workers=int(sys.argv[2])):
    print(json.dumps(item.to_record(), ensure_ascii=False))
"""


def time_without(corpus: Path, workers: int, rounds: int) -> dict[str, float]:
    """Best seconds of extract with every stage ("") and without each group of stages."""
    groups = ("", "statements", "places,dates")
    best = {group: float("inf") for group in groups}
    for _ in range(rounds):
        for group in groups:
            seconds, _ = timed([sys.executable, "-c", WITHOUT_STAGES, str(corpus), str(workers), group])
            best[group] = min(best[group], seconds)
    return best


def print_added(best: dict[str, float]) -> None:
    whole = best[""]
    for group, label in (("statements", "statements"), ("places,dates", "places + dates")):
        rest = best[group]
        print(f"as run: extract {whole:.1f} s, without {label} {rest:.1f} s: {label} add {100 * (whole - rest) / rest:.1f}% (limit 10%)")


def time_steps(records: Sequence[dict]) -> dict[str, float]:
    """Seconds of each step of extract over ``records``, one process, models loaded beforehand."""
    from eventwire.clean import make_article
    from eventwire.model import Metadata, RawDocument
    from eventwire.pipeline import Pipeline, PipelineConfig

    pipeline = Pipeline.from_config(PipelineConfig())
    raws = [RawDocument(r["id"], "record", text=r["text"], meta=Metadata()) for r in records]
    pipeline(make_article(raws[0]))  # warm up lazy loads outside the clock
    spent: dict[str, float] = {}
    start = time.perf_counter()
    articles = [make_article(raw) for raw in raws]
    spent["clean"] = time.perf_counter() - start
    for stage in pipeline.stages:
        start = time.perf_counter()
        articles = list(stage.pipe(articles))
        spent[stage.name] = time.perf_counter() - start
    start = time.perf_counter()
    for article in articles:
        json.dumps(article.to_record(), ensure_ascii=False)
    spent["output"] = time.perf_counter() - start
    return spent


def print_shares(spent: dict[str, float], docs: int) -> None:
    total = sum(spent.values())
    print(f"steps of extract over {docs} documents, one process (seconds, share of the whole):")
    for name, seconds in spent.items():
        print(f"  {name:12}{seconds:8.2f}{100 * seconds / total:7.1f}%")
    for label, names in (("statements", ("statements",)), ("places + dates", ("places", "dates"))):
        own = sum(spent.get(name, 0.0) for name in names)
        print(f"{label} add {100 * own / (total - own):.1f}% to the rest of extract (limit 10%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--share-docs", type=int, default=300, help="Documents for the per-step shares (0: skip).")
    args = parser.parse_args()

    records = load_texts(args.shared, args.docs)
    words = sum(len(r["text"].split()) for r in records)
    eventwire = str(Path(sys.executable).with_name("eventwire"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "reuters.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        bare_cmd = [sys.executable, "-c", BARE_SPACY, str(corpus), str(args.workers)]
        ours_cmd = [eventwire, "--quiet", "extract", str(corpus), "--workers", str(args.workers)]
        bare_times, ours_times, bare_peak, ours_peak = [], [], 0.0, 0.0
        for _ in range(args.rounds):
            seconds, peak = timed(bare_cmd)
            bare_times.append(seconds)
            bare_peak = max(bare_peak, peak)
            seconds, peak = timed(ours_cmd)
            ours_times.append(seconds)
            ours_peak = max(ours_peak, peak)
        added = time_without(corpus, args.workers, args.rounds) if args.share_docs else {}
    bare, ours = min(bare_times), min(ours_times)
    print(f"corpus: {len(records)} Reuters documents, {words} words, {args.workers} workers, best of {args.rounds}")
    print(f"{'':18}{'seconds':>9}{'docs/s':>9}{'words/s':>10}")
    print(f"{'bare spaCy':18}{bare:9.1f}{len(records) / bare:9.1f}{words / bare:10.0f}")
    print(f"{'eventwire extract':18}{ours:9.1f}{len(records) / ours:9.1f}{words / ours:10.0f}")
    print(f"peak memory (largest process): {ours_peak:.0f} MB (bare spaCy run: {bare_peak:.0f} MB)")
    print(f"ratio eventwire/bare throughput: {bare / ours:.2f} (target >= 0.85)")
    if args.share_docs:
        print_added(added)
        print_shares(time_steps(records[: args.share_docs]), min(args.share_docs, len(records)))


if __name__ == "__main__":
    main()
