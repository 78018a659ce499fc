"""Looking up the evidence layers of an article by character offsets (shared by the stages)."""

from __future__ import annotations

from collections.abc import Iterator

from .model import Article, Span


class ActorIndex:
    """Which actor covers a character offset: built once per article, then queried per argument."""

    def __init__(self, article: Article) -> None:
        self._mentions = sorted(
            ((m.start, m.end, actor.id) for actor in article.actors for m in actor.mentions),
            key=lambda mention: (mention[0], -mention[1]),
        )

    def at(self, start: int, end: int) -> str | None:
        """The actor whose mention covers [start, end), else one whose mention lies inside it."""
        inside = None
        for m_start, m_end, actor_id in self._mentions:
            if m_start > end:
                break
            if m_start <= start and end <= m_end:
                return actor_id
            if inside is None and start <= m_start and m_end <= end:
                inside = actor_id
        return inside

    def mentions_in(self, start: int, end: int) -> Iterator[tuple[str, Span]]:
        """Every (actor id, mention) lying inside [start, end)."""
        for m_start, m_end, actor_id in self._mentions:
            if start <= m_start and m_end <= end:
                yield actor_id, Span(m_start, m_end)
