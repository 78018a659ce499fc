"""ACLED typology for events: event type and sub-event type with ACLED's own names.

A linear model over word uni- and bigrams (:func:`eventwire.classifier.text_features`), trained by
``scripts/train_acled.py`` on ACLED analysts' event descriptions (the ``notes`` of ACLED rows in
../shared), scores the sub-event types; the event type is the one whose sub-event types carry the
most probability together, and the sub-event type the best one inside it.

Which events get an ACLED type (:meth:`AcledCoder.code_event`): ACLED records political violence,
demonstrations and strategic developments, not talk. So only events of the PLOVER types in
:data:`ACLED_EVENT_TYPES_BY_PLOVER` get one, restricted to the ACLED event types that type can be,
and only when the event is said to have happened (status ``asserted`` or ``reported``): a denied,
threatened, demanded or future attack is no ACLED event. Verbal events (ACCUSE, REQUEST, CONSULT,
...) and cooperation (AID, AGREE, ...) get ``None``. A specific CAMEO code narrows the choice
(:data:`ACLED_SUB_EVENTS_BY_CAMEO`: aerial weapons are an air strike, an arrest is an arrest).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from .classifier import LinearModel, text_features
from .model import AcledType
from .taxonomy import Taxonomy

logger = logging.getLogger(__name__)

ACLED_MODEL = "acled_sub_event"
BATTLE_LIKE = ("Battles", "Explosions/Remote violence", "Violence against civilians")
#: PLOVER type -> the ACLED event types an event of that type can be (absent: no ACLED type).
ACLED_EVENT_TYPES_BY_PLOVER: dict[str, tuple[str, ...]] = {
    "ASSAULT": (*BATTLE_LIKE, "Riots"),
    "FIGHT": BATTLE_LIKE,
    "COERCE": ("Violence against civilians", "Strategic developments", "Protests"),
    "PROTEST": ("Protests", "Riots"),
    "MOBILIZE": ("Strategic developments",),
    "RETREAT": ("Strategic developments",),
    "CONCEDE": ("Strategic developments",),
}
#: CAMEO code prefix -> the ACLED sub-event types it can be: a specific lexicon code ("195" aerial
#: weapons) narrows the classifier's choice (the longest matching prefix counts).
ACLED_SUB_EVENTS_BY_CAMEO: dict[str, tuple[str, ...]] = {
    "141": ("Peaceful protest", "Protest with intervention"),
    "142": ("Peaceful protest",),
    "143": ("Peaceful protest", "Protest with intervention"),
    "144": ("Peaceful protest", "Protest with intervention", "Violent demonstration"),
    "145": ("Violent demonstration", "Mob violence"),
    "1712": ("Looting/property destruction",),
    "173": ("Arrests",),
    "175": ("Excessive force against protesters", "Protest with intervention", "Attack"),
    "181": ("Abduction/forced disappearance",),
    "1821": ("Sexual violence",),
    "183": ("Remote explosive/landmine/IED", "Suicide bomb"),
    "1831": ("Suicide bomb",),
    "1832": ("Remote explosive/landmine/IED",),
    "1833": ("Remote explosive/landmine/IED",),
    "192": ("Non-state actor overtakes territory", "Government regains territory", "Armed clash"),
    "193": ("Armed clash", "Attack"),
    "194": ("Shelling/artillery/missile attack",),
    "195": ("Air/drone strike",),
    "2041": ("Chemical weapon",),
}
#: Statuses under which an event happened (a negated, hypothetical or requested act did not).
HAPPENED = frozenset({"asserted", "reported"})


@dataclass(frozen=True, slots=True)
class AcledPrediction:
    acled: AcledType
    event_type_probability: float
    sub_event_probability: float
    evidence: tuple[str, ...] = ()


class AcledCoder:
    """Scores ACLED types of a text; the weights and the taxonomy load once per instance."""

    def __init__(self, *, taxonomy: Taxonomy | None = None, model: LinearModel | None = None) -> None:
        self.taxonomy = taxonomy or Taxonomy.load()
        self.model = model or LinearModel.load(ACLED_MODEL)
        self._event_type_of = {label: self.taxonomy.acled_event_type_of(label) for label in self.model.labels}

    def classify(
        self, text: str, *, event_types: Iterable[str] | None = None, sub_event_types: Iterable[str] | None = None, explain: int = 0
    ) -> AcledPrediction:
        """The ACLED event and sub-event type of ``text``, optionally among some event or sub-event types only."""
        features = text_features(text)
        allowed = None
        if event_types is not None or sub_event_types is not None:
            wanted = set(event_types) if event_types is not None else None
            wanted_sub = set(sub_event_types) if sub_event_types is not None else None
            allowed = [
                label
                for label, event_type in self._event_type_of.items()
                if (wanted is None or event_type in wanted) and (wanted_sub is None or label in wanted_sub)
            ]
        probabilities = self.model.probabilities(features, allowed=allowed)
        by_type: dict[str, float] = {}
        for label, p in zip(self.model.labels, probabilities):
            event_type = self._event_type_of[label]
            by_type[event_type] = by_type.get(event_type, 0.0) + float(p)
        event_type = max(by_type, key=by_type.get)
        index, label = max(
            ((i, label) for i, label in enumerate(self.model.labels) if self._event_type_of[label] == event_type),
            key=lambda pair: probabilities[pair[0]],
        )
        evidence = self.model.explain(features, label, top=explain) if explain else ()
        total = by_type[event_type]
        return AcledPrediction(AcledType(event_type, label), total, float(probabilities[index]) / total if total else 0.0, evidence)

    def code_event(self, text: str, *, plover: str, status: str, cameo: str | None = None) -> AcledType | None:
        """The ACLED type of an event of PLOVER type ``plover`` (CAMEO ``cameo``) told in ``text``, or
        None where ACLED has none (see the module docstring)."""
        event_types = ACLED_EVENT_TYPES_BY_PLOVER.get(plover)
        if event_types is None or status not in HAPPENED:
            return None
        sub_event_types = self._sub_events_of_cameo(cameo) if cameo else None
        if sub_event_types:
            known = [s for s in sub_event_types if s in self._event_type_of]
            if not known:  # a type the notes never showed ("Chemical weapon"): the code decides alone
                return AcledType(self.taxonomy.acled_event_type_of(sub_event_types[0]), sub_event_types[0])
            return self.classify(text, sub_event_types=known).acled
        return self.classify(text, event_types=event_types).acled

    @staticmethod
    def _sub_events_of_cameo(cameo: str) -> tuple[str, ...] | None:
        for length in range(len(cameo), 2, -1):
            found = ACLED_SUB_EVENTS_BY_CAMEO.get(cameo[:length])
            if found is not None:
                return found
        return None


__all__ = ["ACLED_EVENT_TYPES_BY_PLOVER", "ACLED_SUB_EVENTS_BY_CAMEO", "AcledCoder", "AcledPrediction"]
