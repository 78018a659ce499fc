"""Places: toponyms resolved to gazetteer entries, and every event to where it happened.

:class:`PlaceResolver` is the pipeline stage. It

1. finds toponyms: spaCy GPE/LOC entities, a dateline ("KYIV, Feb 23 (Reuters) -"), and names of
   countries, regions and large places that the entity recogniser missed (not a disease's name:
   "Marburg virus");
2. resolves each to a :class:`~eventwire.gazetteer.GazetteerEntry` by a score made of population and
   feature (countries and provinces before towns of the same name), the report's country context
   (countries named in it, its actors' countries, the dateline), co-mentioned places (an "X, Y" or
   "X (Y)" qualifier restricts X to Y, the pair resolved together; candidates near other places of
   the report win, above all near places whose name has one reading; two ambiguous names whose
   readings lie together are read together: "Huntsville" and "Walker County" in Texas) and what the
   text calls the place ("the province of Ontario") — so that "Donetsk" in a report about Ukraine is the Ukrainian
   city, "Georgia" next to Tbilisi is the country and "Paris, Texas" is not Paris
   (:mod:`eventwire.place_ranking`);
3. locates each event (:mod:`eventwire.place_events`): a place in a locative phrase of its sentence
   ("in eastern Ukraine", "the village of X"), else another place of the sentence, else the dateline,
   else the report's main place, with precision "point", "admin" or "country"; a place said to lie in
   another that its entry is not in ("outside Holyrood in Edinburgh") gives way to the outer one; a
   locality with its administrative chain ("Burasi (Irumu, Ituri)") and a note's coding ("coded to
   Cumana, Sucre") are read by :mod:`eventwire.place_chain`. The words of locative phrases are in
   :mod:`eventwire.place_words`. Names in other spellings ("Ar Raqqa", "Seoul City - Jongno") are
   found by :mod:`eventwire.place_spelling`.
   Metonyms ("Moscow said": a place name the actors stage resolved to a government actor) and the
   places of the event's own source and target are not where it happened.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from .gazetteer import DEFAULT_MIN_POPULATION, Gazetteer, GazetteerEntry, fold_name, load_gazetteer
from .model import Article, Event, Location, Place, Span
from .place_chain import chain_location, coded_location
from .place_context import add_local_namesakes, add_local_towns, add_qualified_towns, inside_compound_name
from .place_context import listed_counties, prefer_admin_area, prefer_local_namesake, prefer_state, state_votes
from .place_events import event_place
from .place_ranking import NEAR_KM as _NEAR_KM
from .place_ranking import (
    add_qualified_areas,
    alias_penalty,
    anchors_for,
    distance_km,
    feature_cues,
    follow_cues,
    follows_place,
    joined_place_entities,
    lies_locally,
    names_a_metropolis,
    paired_readings,
    qualifier_entries,
    states_in_lists,
    surnames,
    with_named_areas,
)
from .place_ranking import km_between as _km
from .place_ranking import lies_within as _within
from .place_spelling import credible_candidates, lookup_spelled, lookup_transliterated, spelling_key
from .place_words import (
    ADMIN_SUFFIXES,
    AREA_NOUNS,
    DIRECTION_WORDS,
    DISEASE_AFTER,
    LONE_ARTICLES,
    NAMES_A_BUILDING,
    PLACE_NOUN_AFTER,
    QUALIFIED,
    after_person_title,
    called_a_place,
    dateline_spans,
    ends_longer_name,
    in_chain_brackets,
    is_locative,
    joined_words,
    trim_name,
)
from .stage import Stage

__all__ = ["PlaceResolver", "ResolvedToponym", "Toponym", "distance_km"]  # distance_km: from place_ranking

logger = logging.getLogger(__name__)

#: spaCy entity labels that name places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels whose text is scanned for place names (the recogniser often takes places for these).
SCANNED_LABELS = frozenset({"ORG", "PERSON", "NORP", "FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"})
#: Capitalised words that are gazetteer names but rarely places when the recogniser did not say so.
_NOT_PLACES = frozenset(
    {"police", "government", "president", "army", "may", "march", "june", "july", "august", "april", "monday",
     "sunday", "saturday", "friday", "many", "most", "more", "new", "north", "south", "east", "west",
     "man", "union", "university", "federal", "national", "republic", "democratic", "justice", "victoria",
     "mobile", "reading", "bath", "nice", "best", "hope", "independence", "liberty", "unity", "mercy",
     "white"}  # "outside The White House" (a seat of government, see gazetteer) is no Whitesboro
)
#: Population that counts for scoring when a gazetteer entry has none (provinces, regions, seas).
_FEATURE_POPULATION = {"A": 2_000_000, "L": 5_000_000, "H": 5_000_000, "T": 300_000}
_COUNTRY_BONUS = 4.5  # a country's name is the country, unless the context says otherwise
_CURATED_AREA_BONUS = 2.0  # provinces, regions, seas of the gazetteer before a village of that name
_ACTOR_VOTE = 0.3  # each actor of a country; its place names vote on their own
_ADMIN_BONUS = 2.5  # a place in a province or state the report names
_CAPITAL_BONUS = 2.5  # London is London, England, unless the context is strong
_CONTEXT_BONUS = 5.0  # for the main country of the report; other countries in proportion to their votes
_NEAR_BONUS = 2.0
_SURE_NEAR_BONUS = 2.0  # near a place whose name has no other reading
_QUALIFIER_BONUS = 8.0
_SMALL_TOWN = 100_000  # a town this small does not take a metropolis's name for lying in a province named
_PAIRED_BONUS = 3.0  # a reading beside a reading of another name (place_ranking.paired_readings)
_COMMON_WORDS = frozenset(
    {"council", "road", "street", "court", "hill", "big", "the", "city", "county", "state", "centre", "center",
     "hall", "park", "lake", "river", "bridge", "station", "church", "school", "college", "airport", "market",
     "colonia", "barrio", "villa", "wadi", "hay", "nato", "jabal", "camp", "village", "town",
     # English words that are also names of towns somewhere ("Bank of America", "State Minister")
     "bank", "minister", "federation", "name", "one", "soul", "fortune", "royal", "human"}
)
#: Words of local institutions named after their place ("Alexandria Police", "Roselle officers").
_INSTITUTION_WORDS = frozenset(
    {"police", "hospital", "fire", "sheriff", "sheriff's", "council", "schools", "township", "mayor", "officers",
     "residents", "municipal", "airport", "district", "department", "commonwealth", "parish", "borough",
     "man", "woman", "men", "women", "teen", "boy", "girl", "resident", "officials", "parents", "native",
     "voters", "students", "taxpayers", "-based", "governor", "governor's", "governorate"}
)
_LARGE_CITY = 200_000
_METROPOLIS = 1_000_000  # a city this large is a place by any of its names ("Kiev")  # a name NER took for an organisation or person is a place if the city is this large
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name in the text and its gazetteer candidates."""

    start: int
    end: int
    text: str
    candidates: tuple[GazetteerEntry, ...]
    #: "entity", "dateline", "demonym", "recovered" (from an ORG/PERSON entity), "missed", "town",
    #: "county" (listed before "counties": "Grant" is Grant County there only), or "namesake": a street's
    #: or building's name ("Hertford Road"), no place of the report but a hint of its region (streets are
    #: named after the towns around), or "transliterated" (found only by its consonants, kept where the
    #: report's places say: see _with_credible_spellings)
    kind: str = "entity"


@dataclass(frozen=True, slots=True)
class ResolvedToponym:
    toponym: Toponym
    entry: GazetteerEntry
    metonym: bool = False  # inside a mention of a government actor ("Moscow said")
    actor: bool = False  # inside a mention of any actor ("Russia attacked")


class PlaceResolver(Stage):
    """Resolve toponyms to gazetteer entries and locate each event (the ``places`` stage)."""

    name = "places"
    requires = frozenset({"doc", "entities", "actors", "events"})
    provides = frozenset({"places"})

    def __init__(self, *, gazetteer: Gazetteer | None = None, min_population: int = DEFAULT_MIN_POPULATION) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer(min_population=min_population)

    def __call__(self, article: Article) -> Article:
        resolved = self.resolve_toponyms(article)
        places, place_of = _group_places(resolved)
        events = tuple(self.locate_event(article, event, resolved, place_of) for event in article.events)
        return article.replace(places=places, events=events)

    # --- toponyms ---------------------------------------------------------------------------------

    def find_toponyms(self, article: Article) -> list[Toponym]:
        """Place names in the text with their candidates, in text order.

        Entities labelled as places are looked up whole, then without "the", a trailing "region" or
        "county", or a leading direction ("Northeast Georgia"); demonyms ("Ukrainian") point to their
        country. Other entities and the rest of the text are scanned for gazetteer names, which count
        where the recogniser's label is doubtful (a country or province, a name seen as a place
        elsewhere in the text, a large city, a name after "in" or before a qualifier "(Zulia)").
        """
        text = article.text
        toponyms: list[Toponym] = []
        taken: list[tuple[int, int]] = []
        for start, end in dateline_spans(text):
            candidates = self._lookup(text[start:end])
            if candidates:
                toponyms.append(Toponym(start, end, text[start:end], candidates, kind="dateline"))
                taken.append((start, end))
        for start, end, candidates in listed_counties(text, self.gazetteer.lookup):  # "Barrow and Jackson counties"
            toponyms.append(Toponym(start, end, text[start:end], candidates, kind="county"))
            taken.append((start, end))
        doubtful: list[tuple[int, int, str]] = []
        towns: list[tuple[Toponym, str]] = []
        for entity in joined_place_entities(text, article.entities, self._is_name):
            if any(s < entity.end and entity.start < e for s, e in taken):
                continue
            found: Toponym | None = None
            if entity.label in PLACE_LABELS and not after_person_title(text, entity.start):
                found = self._entity_toponym(text, entity.start, entity.end)
            elif entity.label in ("NORP", "PERSON") and (country := self.gazetteer.demonym_country(entity.text)):
                found = Toponym(entity.start, entity.end, entity.text, (country,), kind="demonym")
            if found is not None and found.kind == "town":
                towns.append((found, entity.label))
                taken.append((entity.start, entity.end))
            elif found is not None:
                toponyms.append(found)
                taken.append((entity.start, entity.end))
            elif entity.label in SCANNED_LABELS:
                doubtful.append((entity.start, entity.end, entity.label))
                taken.append((entity.start, entity.end))
            else:
                taken.append((entity.start, entity.end))
        if towns:  # American towns only the ZIP-code source knows: in a report about their state only
            doubtful.extend(
                (t.start, t.end, label) for t, label in add_local_towns(text, toponyms, towns, prior=_prior)
                if label in SCANNED_LABELS
            )
        known = {fold_name(t.text) for t in toponyms if t.kind != "county"}
        people = surnames(article.entities)
        for start, end, label in doubtful:
            toponyms.extend(self._scan(text, start, end, known=known, kind="recovered", label=label, people=people))
        for start, end in _gaps(taken, len(text)):
            toponyms.extend(self._scan(text, start, end, known=known, kind="missed", people=people))
        toponyms.sort(key=lambda t: t.start)
        return [t for t in toponyms if t.kind == "demonym" or not DISEASE_AFTER.match(text, t.end)]

    def _is_name(self, name: str) -> bool:
        """Whether the gazetteer knows ``name`` in some spelling ("Ras al-Ain" is Ra’s al ‘Ayn)."""
        return bool(lookup_spelled(name, self.gazetteer.lookup))

    def _lookup(self, name: str) -> tuple[GazetteerEntry, ...]:
        """The gazetteer's entries of ``name`` that it can credibly mean (see place_spelling); a direction
        word alone ("the Artery of the North") only a place of that very name, no other name's."""
        candidates = credible_candidates(name, self.gazetteer.lookup(name))
        if (key := fold_name(name)) in DIRECTION_WORDS:
            return tuple(c for c in candidates if fold_name(c.name) == key)
        return candidates

    def _entity_toponym(self, text: str, start: int, end: int) -> Toponym | None:
        start, end = trim_name(text, start, end)
        if start >= end:
            return None
        name = text[start:end]
        candidates = self._lookup(name)
        if candidates:
            return Toponym(start, end, name, candidates)
        if demonym := self.gazetteer.demonym_country(name):
            return Toponym(start, end, name, (demonym,), kind="demonym")
        words = list(_WORD.finditer(name))
        if len(words) > 1 and words[-1].group().lower() in ADMIN_SUFFIXES:
            candidates = self._lookup(text[start : start + words[-2].end()])
            if words[-1].group().lower() in ("county", "parish"):  # counties: mostly American news
                candidates = tuple(c for c in candidates if c.country == "USA") or candidates
            if candidates:
                return Toponym(start, end, name, candidates)
        if len(words) > 1 and words[0].group().lower() in DIRECTION_WORDS and not ends_longer_name(name, words, len(words) - 1):
            candidates = self._lookup(text[start + words[1].start() : end])
            if candidates:
                return Toponym(start, end, name, candidates)
        # a province or district the gazetteer knows only as an area ("Al Hasakeh", "Koch county")
        if len(words) > 1 and words[-1].group().lower() in ADMIN_SUFFIXES:
            name = text[start : start + words[-2].end()]
        candidates = lookup_spelled(name, self.gazetteer.lookup_area)  # "Ar Raqqa", "Seoul City - Jongno"
        if candidates:
            return Toponym(start, end, text[start:end], candidates)
        if towns := self.gazetteer.lookup_town(name):  # low priority: see place_context.add_local_towns
            return Toponym(start, end, text[start:end], towns, kind="town")
        # another spelling of a transliterated name where the text calls it a place ("in Quamishli",
        # "Amadiya district", "Bab Ghaliq (Qaatabah, Ad Dali)", "Sokhneh in Homs"; not the football club
        # in "scored Ittihad's consolation"), kept in a report about its country
        if called_a_place(text, start, end) and (spelt := lookup_transliterated(name, self.gazetteer)):
            return Toponym(start, end, text[start:end], spelt, kind="transliterated")
        return None

    def _scan(
        self,
        text: str,
        start: int,
        end: int,
        *,
        known: set[str],
        kind: str,
        label: str | None = None,
        people: frozenset[str] = frozenset(),
    ) -> list[Toponym]:
        """Gazetteer names in ``text[start:end]`` that are places here (longest first, left to right)."""
        words = [m for m in _WORD.finditer(text, start, end)]
        found: list[Toponym] = []
        index = 0
        gazetteer = self.gazetteer
        while index < len(words):
            first = words[index]
            if not first.group()[:1].isupper():
                index += 1
                continue
            blocked = first.group().lower() in _NOT_PLACES  # alone; "New South Wales" still is a name
            match = None
            for size in range(min(gazetteer.max_words, len(words) - index), 0 if not blocked else 1, -1):
                last = words[index + size - 1]
                if not last.group()[:1].isupper():
                    continue
                if size > 1 and not joined_words(text, words[index : index + size]):
                    continue
                name = text[first.start() : last.end()].rstrip(".")
                if name.endswith(("'s", "’s")):  # "Sri Lanka's former president"
                    name = name[:-2]
                key = fold_name(name)
                if size == 1 and (
                    (key in LONE_ARTICLES or key in STOP_WORDS and _starts_sentence(text, first.start())) and not name.isupper()
                    or ends_longer_name(text, words, index)
                ):
                    continue  # "Los" of "Los Ruices" names nothing alone ("LA" may), nor "Creek" of "Eastern Creek",
                    # nor a word that starts a sentence ("But town leaders": no Buta; "Of town, Trabzon" is a town)
                candidates = credible_candidates(name, gazetteer.lookup_key(key)) if key not in _NOT_PLACES else ()
                if not candidates and size > 1 and key.endswith((" county", " parish")):
                    # an American county: the place of its name in the state the report is about
                    base = credible_candidates(name.rsplit(" ", 1)[0], gazetteer.lookup_key(key.rsplit(" ", 1)[0]))
                    candidates = tuple(c for c in base if c.country == "USA")
                    if candidates:
                        known.add(key)
                # a place noun after the name calls it a place: "in Ar-Raqqa city", "Speney Adda of Herat city"
                noun = PLACE_NOUN_AFTER.match(text, first.start() + len(name)) if key not in _NOT_PLACES else None
                spelt = False
                # another spelling of it ("Ar-Raqqa" for Ar Raqqah, "Sokhneh" for As Sukhnah, "Shahr e Kord")
                if not candidates and (noun or size > 2 and " e " in name):
                    candidates = credible_candidates(name, lookup_spelled(name, gazetteer.lookup))
                    if not candidates and (candidates := lookup_transliterated(name, gazetteer)):
                        spelt = True
                # an area's noun calls it a place only where the gazetteer knows an area of the name
                # ("Dang district" in Nepal is no town of Vietnam)
                called = noun is not None and (
                    noun.group(1).lower() not in AREA_NOUNS or any(c.feature_class == "A" for c in candidates)
                )
                whole = label is not None and first.start() <= start + 4 and last.end() >= end - 2
                institution = _before_institution(text, first.start() + len(name), min(len(text), end + 30))
                if label == "PERSON" and not whole and not institution and not called:
                    continue  # "George" in "George Bush"
                in_chain = bool(candidates) and in_chain_brackets(text, first.start())  # no candidates: no place either way
                if key in people and label in ("PERSON", None) and not in_chain and not called and not is_locative(
                    text, first.start(), max(0, first.start() - 60)
                ):
                    continue  # "Harrison said", after "Jim Harrison"
                if candidates and inside_compound_name(text, first.start(), first.start() + len(name), gazetteer.__contains__):
                    continue
                if candidates and after_person_title(text, first.start()):
                    continue  # "coach Ripley", "Mrs. Lincoln"
                if candidates and NAMES_A_BUILDING.match(text, first.start() + len(name)) and not key.endswith((" county", " parish")):
                    # "Wellington Street", "Carnot middle school in Grasse": a street's or a building's name
                    match = (size, Toponym(first.start(), first.start() + len(name), name, candidates, kind="namesake"))
                    break
                if candidates and (called or in_chain and any(c.country for c in candidates) or self._is_place_here(
                    text, first.start(), first.start() + len(name), key, candidates, known,
                    whole=whole or institution, free=label is None, institution=institution,
                )):
                    match = (size, Toponym(
                        first.start(), first.start() + len(name), name, candidates, kind="transliterated" if spelt else kind
                    ))
                    break
            if match is None:
                index += 1
                continue
            size, toponym = match
            found.append(toponym)
            if toponym.kind != "namesake":
                known.add(fold_name(toponym.text))
            index += size
        return found

    @staticmethod
    def _is_place_here(
        text: str,
        start: int,
        end: int,
        key: str,
        candidates: Sequence[GazetteerEntry],
        known: set[str],
        *,
        whole: bool,
        free: bool,
        institution: bool = False,
    ) -> bool:
        """Whether a gazetteer name outside a place entity is a place: known as one in this text, a
        country or province, a large city (a whole entity or free text), or after a locative word."""
        if len(key) < 3 or key in _COMMON_WORDS:
            return False
        if key in known:
            return True
        if any(c.feature_class != "P" and c.feature_code != "CONT" for c in candidates):
            return True
        name = text[start:end]
        if name.isupper() and len(name) <= 5:  # an acronym ("NATO"), unless a country's ("US")
            return False
        if is_locative(text, start, max(0, start - 60)) or QUALIFIED.match(text, end) or institution:
            return True
        if (free or whole) and follows_place(text, start, end, known):  # "in Manzanillo, Colima, four men"
            return True
        if not whole and not free:  # a piece of an organisation's or person's name
            return False
        spelt = spelling_key(key)  # "Hama" is Hamah by its own name, not by another
        if any(
            c.population >= (_LARGE_CITY if fold_name(c.name) == key or spelling_key(c.name) == spelt else _METROPOLIS)
            for c in candidates
        ):
            return True
        return name.isupper() and len(name) > 3 and start < 300

    def resolve_toponyms(self, article: Article) -> list[ResolvedToponym]:
        """Each toponym with its best candidate, in text order."""
        toponyms = _with_credible_spellings(article, self.find_toponyms(article))
        if not toponyms:
            return []
        toponyms = with_named_areas(toponyms, self.gazetteer.lookup_area)
        toponyms = follow_cues(toponyms, feature_cues(article.text, toponyms), areas_of=self.gazetteer.lookup_area)
        toponyms = states_in_lists(article.text, toponyms, areas_of=self.gazetteer.lookup_area)
        context = _country_votes(article, toponyms)
        outer, qualified = qualifier_entries(article.text, toponyms, _prior, areas_of=self.gazetteer.lookup_area)
        qualifiers = {**qualified, **outer}
        toponyms = add_qualified_towns(toponyms, outer, towns_of=self.gazetteer.lookup_town)
        toponyms = add_qualified_areas(toponyms, outer, areas_of=self.gazetteer.lookup_area)
        # a qualifier read as an area the gazetteer knows only as one ("Benito Juarez, Nuevo Leon": the
        # state, not a village of its name) gets that area as a candidate
        toponyms = [
            dataclasses.replace(t, candidates=(*t.candidates, qualified[t.start]))
            if t.start in qualified and qualified[t.start].feature_code == "ADM1" and qualified[t.start] not in t.candidates
            else t
            for t in toponyms
        ]
        chosen = [
            max(
                t.candidates,
                key=lambda c, t=t: _score(c, context, qualifier=qualifiers.get(t.start)) - alias_penalty(t, c),
            )
            for t in toponyms
        ]
        # second pass: the first choices are the co-mentioned places, their states the admin context
        anchors = [entry for entry in chosen if not entry.is_country and entry.feature_class in ("P", "A")]
        # places of a name that has one reading only: a namesake near them is the one meant
        sure = [  # not a street's or a building's namesake ("Wall Street" is no sign of Wall, Northumberland)
            t.candidates[0] for t in toponyms
            if len(t.candidates) == 1 and t.candidates[0].feature_class == "P" and t.kind != "namesake"
            and fold_name(t.candidates[0].name) == fold_name(t.text)
        ]
        admins = {(e.country, e.admin1) for e in chosen if e.feature_code == "ADM1" and e.admin1}
        admins |= {(q.country, q.admin1) for q in outer.values() if q.feature_code == "ADM1" and q.admin1}
        states = state_votes(article.text, toponyms, chosen)
        toponyms = add_local_namesakes(toponyms, states, towns_of=self.gazetteer.lookup_town)
        base_context = Counter(context)
        for entry in chosen:
            if entry.country:
                context[entry.country] += 1.0
        others = _without_own_votes(context, toponyms, chosen)
        qualifying = {b.start for a, b in zip(toponyms, toponyms[1:]) if a.start in outer}  # the Y of "X, Y"
        paired = paired_readings(toponyms, qualifiers=qualifying, sure=sure)
        second = []
        for toponym, own in zip(toponyms, chosen):
            near = anchors_for(toponym, anchors, own=own)  # once per toponym, not per candidate
            others_sure = [a for a in sure if a != own]
            # a town's province the report names is no reason to read a metropolis's name as the town:
            # "Santiago" beside Rio Grande do Sul, "Cairo" beside Illinois (London, Ontario, is a city)
            metropolis = names_a_metropolis(toponym)

            def score(
                candidate: GazetteerEntry, toponym: Toponym = toponym, near=near, others_sure=others_sure, metropolis=metropolis
            ) -> float:
                penalty = alias_penalty(toponym, candidate)
                return _score(
                    candidate,
                    others[fold_name(toponym.text)],
                    anchors=near,
                    sure=others_sure if not penalty else (),
                    admins=admins if not (metropolis and candidate.population < _SMALL_TOWN) else frozenset(),
                    qualifier=qualifiers.get(toponym.start),
                    paired=candidate in paired,
                ) - penalty

            best = max(toponym.candidates, key=score)
            best = prefer_local_namesake(toponym, best, states, others[fold_name(toponym.text)], prior=_prior)
            second.append(prefer_state(toponym, best, states, score))
        chosen = second
        chosen = [prefer_admin_area(t, entry, base_context) for t, entry in zip(toponyms, chosen)]
        metonyms = _government_spans(article)
        actors = [m for actor in article.actors for m in actor.mentions]
        text = article.text
        resolved = []
        for t, entry in zip(toponyms, chosen):
            if t.kind == "namesake":
                continue  # it voted for the report's region; it is no place of the report
            # a name where something happens is a place whatever actor the actors stage read there
            # ("gathered in central Bolton" is no John Bolton, "from entering Baghdad" no government)
            where = t.kind != "demonym" and is_locative(text, t.start, max(0, t.start - 60))
            resolved.append(ResolvedToponym(
                t,
                entry,
                metonym=t.kind == "demonym" or not where and any(s.start <= t.start and t.end <= s.end for s in metonyms),
                actor=t.kind == "demonym" or not where and any(s.start <= t.start and t.end <= s.end for s in actors),
            ))
        return resolved

    # --- events -----------------------------------------------------------------------------------

    def locate_event(
        self, article: Article, event: Event, resolved: Sequence[ResolvedToponym], place_of: dict[int, Place], *,
        look_back: bool = True,
    ) -> Event:
        """The event with its location: from its sentence, else from the sentence before it that names
        a place (the report placed it there: "Gunmen stormed a bar in Kharkiv. Two people were
        killed."), else the dateline, else the report's main place."""
        if look_back and not _names_a_place(event.sentence, resolved):
            earlier = _earlier_sentence(article, event.sentence, resolved)
            if earlier is not None:
                probe = dataclasses.replace(event, sentence=earlier, source=None, target=None)
                location = self.locate_event(article, probe, resolved, place_of, look_back=False).location
                if location is not None:
                    return dataclasses.replace(event, location=location)
        context = dict(
            votes=Counter(r.entry.country for r in resolved if r.entry.country) + _actor_votes(article),
            inside=lambda start, end: [r.entry for r in resolved if start <= r.toponym.start < end],
            score=_score,
            not_places=_NOT_PLACES,
        )
        chain = coded_location(self.gazetteer, article.text, event.sentence, **context)
        chain = chain or chain_location(self.gazetteer, article.text, event.sentence, **context)
        if chain is not None:
            entry, precision = chain
            place_id = _place_id(resolved, place_of, entry)
            location = Location(place=place_id, name=entry.name, lat=entry.lat, lon=entry.lon, precision=precision)
            return dataclasses.replace(event, location=location)
        chosen = event_place(article.text, event, resolved)
        if chosen is None:
            return event
        place = place_of[id(chosen)]
        entry = chosen.entry
        location = Location(place=place.id, name=place.name, lat=entry.lat, lon=entry.lon, precision=entry.precision)
        return dataclasses.replace(event, location=location)


    def locate_sentence(self, article: Article, sentence: Span) -> Location | None:
        """Where the happening told by ``sentence`` took place, by the rules for events (for a text
        whose events the events stage did not code, such as a one-sentence event note)."""
        resolved = self.resolve_toponyms(article)
        _, place_of = _group_places(resolved)
        probe = Event(
            id="", sentence=sentence, trigger=Span(sentence.start, sentence.start, ""), source=None, target=None,
            plover="", cameo="", quad_class=0, goldstein=0.0,
        )
        return self.locate_event(article, probe, resolved, place_of).location


#: An event's sentence without a place takes the place of a sentence this close before it.
LOOK_BACK_CHARS = 400


def _names_a_place(sentence: Span, resolved: Sequence[ResolvedToponym]) -> bool:
    return any(sentence.start <= r.toponym.start < sentence.end and not r.metonym for r in resolved)


def _earlier_sentence(article: Article, sentence: Span, resolved: Sequence[ResolvedToponym]) -> Span | None:
    """The nearest sentence before ``sentence``, in reach, that names a place where things happen
    (not an actor's name, not a dateline); None without one or without the parse's sentences."""
    before = [
        r for r in resolved
        if sentence.start - LOOK_BACK_CHARS <= r.toponym.start and r.toponym.end <= sentence.start
        and not r.actor and not r.metonym and r.toponym.kind != "dateline"
    ]
    if not before or article.doc is None:
        return None
    toponym = before[-1].toponym
    words = article.doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
    if words is None or not len(words):
        return None
    found = words[0].sent
    return article.span(found.start_char, found.end_char)


def _place_id(resolved: Sequence[ResolvedToponym], place_of: dict[int, Place], entry: GazetteerEntry) -> str | None:
    """The id of the article's place of ``entry``, or None when the text's toponyms resolved elsewhere."""
    item = next((r for r in resolved if r.entry == entry), None)
    return place_of[id(item)].id if item is not None and id(item) in place_of else None


def _starts_sentence(text: str, start: int) -> bool:
    """Whether ``text[start]`` begins a sentence or a headline: only spaces since a full stop, a
    quotation mark, a dash or the start of the text."""
    before = text[max(0, start - 3) : start].rstrip()
    return not before or before[-1] in ".!?:;\"“”'‘’—–-\n"


def _before_institution(text: str, end: int, limit: int) -> bool:
    """Whether a local institution's word follows ``end`` inside an entity ("Alexandria Police",
    "St. Cloud Hospital", "Rapides Parish Fire District"): the name before it is its place."""
    following = text[end:limit].split(maxsplit=1)
    return bool(following) and following[0].strip(".,'’s").lower() in _INSTITUTION_WORDS


def _gaps(spans: Sequence[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The stretches of ``range(length)`` outside ``spans``."""
    gaps, position = [], 0
    for start, end in sorted(spans):
        if start > position:
            gaps.append((position, start))
        position = max(position, end)
    if position < length:
        gaps.append((position, length))
    return gaps


def _effective_population(entry: GazetteerEntry) -> int:
    return entry.population or _FEATURE_POPULATION.get(entry.feature_class, 0)


def _prior(entry: GazetteerEntry) -> float:
    score = math.log10(_effective_population(entry) + 10)
    if entry.is_country:
        score += _COUNTRY_BONUS
    elif entry.feature_class != "P":
        score += _CURATED_AREA_BONUS
    elif entry.feature_code == "PPLC":
        score += _CAPITAL_BONUS
    return score


def _actor_votes(article: Article) -> Counter:
    """The countries of the report's actors ("Nigerian troops"), a share of a vote each."""
    votes: Counter = Counter()
    for actor in article.actors:
        if actor.country and len(actor.country) == 3 and actor.country != "IGO":
            votes[actor.country] += _ACTOR_VOTE
    return votes


def _country_votes(article: Article, toponyms: Sequence[Toponym]) -> Counter:
    """The report's country context: its actors' countries and a share of each toponym's countries."""
    votes = _actor_votes(article)
    for toponym in toponyms:
        votes.update(_toponym_votes(toponym))
    return votes


def _with_credible_spellings(article: Article, toponyms: list[Toponym]) -> list[Toponym]:
    """The toponyms, those found only by their consonants ("Sokhneh", see place_spelling.lookup_transliterated)
    with only their candidates in countries the rest of the report points to and, where it names places
    there, close to one of them ("Sokhneh in Homs"); without them when none is left (an unknown American
    town is no Iranian village; "Chaung-U (Monywa, Sagaing)" is no Chaung Wa 600 km away) or when the
    name is a surname of the report's people ("Iftikhar Chaudhry ... outside Chaudhry's home")."""
    if not any(t.kind == "transliterated" for t in toponyms):
        return toponyms
    people = surnames(article.entities)
    others = [t for t in toponyms if t.kind != "transliterated"]
    votes = _country_votes(article, others)
    named = [c for t in others for c in t.candidates if not c.is_country and c.feature_class in ("A", "P")]
    kept = []
    for toponym in toponyms:
        if toponym.kind == "transliterated":
            if fold_name(toponym.text) in people:
                continue
            candidates = tuple(
                c for c in toponym.candidates
                if votes[c.country] > 0 and (
                    not any(n.country == c.country for n in named) or any(lies_locally(c, n) for n in named)
                )
            )
            if not candidates:
                continue
            toponym = dataclasses.replace(toponym, candidates=candidates)
        kept.append(toponym)
    return kept


def _toponym_votes(toponym: Toponym) -> Counter:
    """One toponym's vote for the report's countries: its country, or a share for each country of its candidates."""
    votes: Counter = Counter()
    countries = {c.country for c in toponym.candidates if c.country}
    if not countries:
        return votes
    best = max(toponym.candidates, key=_prior)
    rivals = [c for c in toponym.candidates if c is not best and c.feature_class == "A" and c.country != best.country]
    if len(countries) == 1 or best.is_country and not rivals:  # "Georgia" the state is a rival
        votes[best.country] += 1.0
        return votes
    for country in countries:
        votes[country] += 1.0 / len(countries)
    return votes


def _without_own_votes(
    context: Counter, toponyms: Sequence[Toponym], chosen: Sequence[GazetteerEntry]
) -> dict[str, Counter]:
    """For each name of the report, the country context less that name's own votes: "Paris" alone in a
    Texan paper does not vote for France and then follow its own vote."""
    own: dict[str, Counter] = {}
    for toponym, entry in zip(toponyms, chosen):
        votes = own.setdefault(fold_name(toponym.text), Counter())
        votes.update(_toponym_votes(toponym))
        if entry.country:
            votes[entry.country] += 1.0
    return {key: context - votes for key, votes in own.items()}


def _score(
    entry: GazetteerEntry,
    context: Counter,
    *,
    anchors: Sequence[GazetteerEntry] = (),
    sure: Sequence[GazetteerEntry] = (),
    admins: set[tuple[str | None, str | None]] = frozenset(),
    qualifier: GazetteerEntry | None = None,
    paired: bool = False,
) -> float:
    score = _prior(entry)
    if admins and (entry.feature_class == "P" or entry.feature_code == "ADM2") and (entry.country, entry.admin1) in admins:
        score += _ADMIN_BONUS
    if entry.country and context[entry.country] > 0:
        top = context.most_common(1)[0][1]
        score += _CONTEXT_BONUS * context[entry.country] / top
    elif not entry.country and context:  # a continent or a region of several countries lies in any report's
        score += _CONTEXT_BONUS          # context: "the Middle East" is no town of Maryland in American news
    if anchors and any(_km(entry, a) < _NEAR_KM for a in anchors):
        score += _NEAR_BONUS
    if sure and any(_km(entry, a) < _NEAR_KM for a in sure):
        score += _SURE_NEAR_BONUS
    if qualifier is not None and (entry == qualifier or _within(entry, qualifier)):
        score += _QUALIFIER_BONUS
    if paired:
        score += _PAIRED_BONUS
    return score


def _government_spans(article: Article) -> list[Span]:
    """Mentions of government actors: a place name inside one is a metonym ("Moscow said")."""
    return [m for actor in article.actors if actor.sector == "GOV" for m in actor.mentions]


def _group_places(resolved: Sequence[ResolvedToponym]) -> tuple[tuple[Place, ...], dict[int, Place]]:
    """One :class:`Place` per gazetteer entry, with all its mentions; and each toponym's place."""
    groups: dict[tuple, list[ResolvedToponym]] = {}
    for item in resolved:
        entry = item.entry
        groups.setdefault((entry.geonameid, entry.name, entry.country, entry.lat, entry.lon), []).append(item)
    places: list[Place] = []
    place_of: dict[int, Place] = {}
    for number, items in enumerate(groups.values(), start=1):
        entry = items[0].entry
        place = Place(
            id=f"p{number}",
            name=entry.name,
            mentions=tuple(Span(i.toponym.start, i.toponym.end, i.toponym.text) for i in items),
            geonameid=entry.geonameid,
            feature_class=entry.feature_class,
            country=entry.country,
            admin1=entry.admin1,
            lat=entry.lat,
            lon=entry.lon,
        )
        places.append(place)
        for item in items:
            place_of[id(item)] = place
    return tuple(places), place_of
