"""``make eval``: actor resolution figures on the PLOVER gold records in ../shared (read in place).

Each source/target span of data/events/plover_gold_records.json carries a gold country (CAMEO country
code, "IGO" or "NGO") and often a sector. Two ways of resolving a span are scored:

- ``stage`` (what the product does): the record's sentence goes through the real nlp and actors stages
  and the span takes the actor whose mention covers it (else the one whose mention lies inside it);
- ``string``: :func:`eventwire.actors.resolve_actor` on the span text alone, with the report's country
  from the sentence as context.

Prints country accuracy, sector accuracy, both right, a confusion of sectors and the misses; compares
with eval/baseline_actors.json. The records' dates are all a placeholder (2000-01-01), so actors are
resolved with no date (each person's latest role).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "eval" / "baseline_actors.json"
GOLD = Path("data") / "events" / "plover_gold_records.json"

#: CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "GMY": "DEU", "SER": "SRB"}
#: Transnational groups with no country (CAMEO IMG/ISM): left out of the country figure.
NO_COUNTRY_CODES = frozenset({"IMG", "ISM"})
#: Gold sector spellings that are ours under another name.
GOLD_SECTORS = {"CIV": "CVL", "JRN": "MED", "MOS": "REL", "CHR": "REL"}
#: Gold sectors left out of the sector figure: "***" (unknown).
UNSCORED_SECTORS = frozenset({"***"})


@dataclass(frozen=True)
class GoldSpan:
    record: str
    role: str  # source or target
    text: str  # the sentence
    start: int
    end: int
    country: str | None  # None: not scored
    sector: str | None  # "" for no sector; None: not scored


@dataclass
class Scores:
    country_right: int = 0
    country_total: int = 0
    sector_right: int = 0
    sector_total: int = 0
    both_right: int = 0
    both_total: int = 0
    confusion: Counter = field(default_factory=Counter)
    misses: list = field(default_factory=list)

    def add(self, gold: GoldSpan, country: str | None, sector: str | None, name: str | None) -> None:
        sector = sector or ""
        country_ok = sector_ok = None
        if gold.country is not None:
            country_ok = country == gold.country
            self.country_total += 1
            self.country_right += country_ok
        if gold.sector is not None:
            sector_ok = sector == gold.sector
            self.sector_total += 1
            self.sector_right += sector_ok
            self.confusion[(gold.sector or "-", sector or "-")] += 1
        if country_ok is not None and sector_ok is not None:
            self.both_total += 1
            self.both_right += country_ok and sector_ok
        if country_ok is False or sector_ok is False:
            found = f"{country or '-'}/{sector or '-'} ({name})"
            self.misses.append(f"{gold.record} {gold.text[gold.start : gold.end]!r}: gold {gold.country}/{gold.sector or '-'}, got {found}")

    def summary(self) -> dict[str, float]:
        return {
            "country_accuracy": self.country_right / max(self.country_total, 1),
            "sector_accuracy": self.sector_right / max(self.sector_total, 1),
            "both_accuracy": self.both_right / max(self.both_total, 1),
        }


def read_gold_spans(path: Path) -> list[GoldSpan]:
    """The gold source/target spans whose text occurs in the record's sentence."""
    spans = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        text = record.get("text") or ""
        for role in ("source", "target"):
            actors = record.get(role)
            if not isinstance(actors, list):
                continue
            for actor in actors:
                phrase = (actor.get("actorText") or "").strip()
                start = text.find(phrase) if phrase else -1
                if start < 0:
                    start = text.lower().find(phrase.lower()) if phrase else -1
                if start < 0:
                    continue
                spans.append(
                    GoldSpan(record["id"], role, text, start, start + len(phrase), _gold_country(actor.get("code")), _gold_sector(actor.get("sector")))
                )
    return spans


def _gold_country(code: str | None) -> str | None:
    code = (code or "").strip().upper()[:3]
    if not code or code in NO_COUNTRY_CODES:
        return None
    return CAMEO_COUNTRIES.get(code, code)


def _gold_sector(sector: str | None) -> str | None:
    if sector is None or sector == "":
        return ""
    if sector in UNSCORED_SECTORS:
        return None
    sector = sector[:3].upper()
    return GOLD_SECTORS.get(sector, sector)


def _predicted_country(actor) -> str | None:
    if actor is None:
        return None
    if actor.country is None and actor.sector == "NGO":
        return "NGO"
    return actor.country


def evaluate_stage(spans: list[GoldSpan], *, nlp=None, resolver=None) -> Scores:
    """Resolve each span with the real nlp + actors stages run over its sentence."""
    from eventwire.actors import ActorResolver
    from eventwire.model import Article, Entity
    from eventwire.nlp import load_spacy

    nlp = nlp or load_spacy()
    resolver = resolver or ActorResolver()
    scores = Scores()
    texts = sorted({s.text for s in spans})
    articles = {}
    for text, doc in zip(texts, nlp.pipe(texts)):
        article = Article(doc_id="gold", text=text).replace(
            doc=doc, entities=tuple(Entity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents)
        )
        articles[text] = resolver(article)
    for span in spans:
        actor = _actor_covering(articles[span.text], span.start, span.end)
        scores.add(span, _predicted_country(actor), actor.sector if actor else None, actor.name if actor else None)
    return scores


def _actor_covering(article, start: int, end: int):
    """The actor whose mention covers [start, end), else the one with the first mention inside it
    (as the events stage picks an argument's actor)."""
    inside = None
    for actor in article.actors:
        for mention in actor.mentions:
            if mention.start <= start and end <= mention.end:
                return actor
            if start <= mention.start and mention.end <= end and (inside is None or mention.start < inside[0]):
                inside = (mention.start, actor)
    return inside[1] if inside else None


def evaluate_strings(spans: list[GoldSpan], *, lexicon=None) -> Scores:
    """Resolve each span's text alone with resolve_actor, the sentence's first country as context."""
    from eventwire.actors import ActorLexicon, resolve_actor

    lexicon = lexicon or ActorLexicon.load()
    scores = Scores()
    for span in spans:
        phrase = span.text[span.start : span.end]
        # a gold span is an actor: a bare capital in it stands for its government
        info = resolve_actor(lexicon, phrase, context_country=_first_country(lexicon, span.text), metonymy=True)
        country = info.country if info else None
        if info is not None and country is None and info.sector == "NGO":
            country = "NGO"
        scores.add(span, country, info.sector if info else None, info.name if info else None)
    return scores


def _first_country(lexicon, text: str) -> str | None:
    info = lexicon.resolve(text)
    return info.country if info is not None and info.country != "IGO" else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--misses", action="store_true", help="list every span resolved wrongly")
    args = parser.parse_args()
    spans = read_gold_spans(args.shared / GOLD)
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))
    for mode, scores in (("stage", evaluate_stage(spans)), ("string", evaluate_strings(spans))):
        summary = scores.summary()
        print(f"== actors ({mode}): PLOVER gold spans ({len(spans)} spans; {scores.country_total} with a country, {scores.sector_total} with a sector) ==")
        print(
            f"country accuracy {summary['country_accuracy']:.3f}  sector accuracy {summary['sector_accuracy']:.3f}  "
            f"both {summary['both_accuracy']:.3f}"
        )
        labels = sorted({g for g, _ in scores.confusion} | {p for _, p in scores.confusion})
        print("sector confusion (rows gold, columns predicted):")
        print("      " + " ".join(f"{p:>4}" for p in labels))
        for g in labels:
            print(f"{g:>5} " + " ".join(f"{scores.confusion[(g, p)] or '.':>4}" for p in labels))
        for name, floor in floors.get(f"plover_gold_{mode}", {}).items():
            value = summary[name]
            print(f"  {name}: {value:.3f} (floor {floor:.3f}){'  BELOW FLOOR' if value < floor else ''}")
        if args.misses:
            print("\n".join(scores.misses))


if __name__ == "__main__":
    main()
