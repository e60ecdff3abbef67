"""Actor search and one actor's read in SQL (each test on SQLite and PostgreSQL) give what
the full aggregation of every mention (`Store.entities()`) gave: the same entity, and the
same pages of search results, for every entity and many queries of a generated store."""

from __future__ import annotations

import random

from crosswire.model import ActorRef, Analysis, Article, Entity, Mention
from crosswire.store import Store

# (key, names it is written as): a person's surname alone and full forms compete for the
# canonical name; wildcards, an underscore and case variants test the LIKE escaping
ACTORS = [
    ("person:sergei lavrov", ["Lavrov", "Sergei Lavrov", "Sergey Lavrov", "LAVROV"]),
    ("person:kim jong un", ["Kim", "Kim Jong Un", "Kim Jong-un"]),
    ("person:kim yo jong", ["Kim Yo Jong", "Kim"]),
    ("org:un", ["UN", "United Nations", "U.N."]),
    ("org:100% club", ["100% Club", "100 Club"]),
    ("org:a_b", ["A_B Group", "AB Group"]),
    ("country:rus", ["Russia", "Moscow", "Russian"]),
    ("group:protesters", ["protesters", "Protesters", "demonstrators"]),
    ("person:anna rossi", ["Rossi", "Anna Rossi"]),
    ("person:ann ross", ["Ann Ross", "Ross"]),
]
QUERIES = ["kim", "KIM", "lavrov", "Lavrov", "ross", "o", "a", "%", "_", "100%", "a_b",
           "u.n", "un", "protesters", "Russia", "jong", "e", "zzz", "\\", "%club"]  # fmt: skip
TYPES = {"person": "PERSON", "org": "ORG", "country": "COUNTRY", "group": "GROUP"}


def generated(store: Store, seed: int, n_articles: int = 30) -> None:
    """Articles naming random actors by random forms; each mention's recorded name is its
    text or the actor's fullest form (itself one of its texts), as the actor stage gives."""
    rng = random.Random(seed)
    with store.transaction():
        for i in range(n_articles):
            mentions = []
            for key, forms in rng.sample(ACTORS, rng.randint(1, 4)):
                for _ in range(rng.randint(1, 3)):
                    text = rng.choice(forms)
                    name = rng.choice([text, max(forms, key=lambda f: len(f.split()))])
                    country = rng.choice([None, "RUS", "PRK", "ITA"])
                    role = rng.choice([None, "minister", "leader"])
                    ref = ActorRef(key=key, name=name, country=country, sector=None)
                    kind = TYPES[key.split(":")[0]]
                    mentions.append(Mention(0, len(text), text, kind, ref, role=role))
            article_id = f"s{seed}a{i}"
            article = Article(
                id=article_id, text=f"text {i}", path=f"{article_id}.txt", text_hash=article_id
            )
            store.add_article(article, Analysis(article_id=article.id, mentions=mentions))


def searched_before(entities: list[Entity], query: str) -> list[Entity]:
    """The search over the whole aggregation, as views.search_actors did it."""
    needle = query.strip().casefold()
    found = []
    for entity in entities:  # by id
        names = [n.casefold() for n in [entity.name, *entity.aliases]]
        if any(needle in n for n in names):
            found.append((needle not in names, -len(entity.article_ids), entity.name, entity))
    found.sort(key=lambda t: t[:3])
    return [t[3] for t in found]


def test_one_entity_is_its_whole_aggregation(store: Store) -> None:
    generated(store, seed=1)
    before = store.entities()
    assert len(before) == len(ACTORS)
    for entity in before:
        assert store.entity(entity.id) == entity
    assert store.entity("e-missing") is None
    assert store.entities_by_ids([e.id for e in before[:3]] + ["e-missing"]) == before[:3]


def test_search_pages_are_those_of_the_whole_aggregation(store: Store) -> None:
    for seed in (2, 3):
        generated(store, seed=seed, n_articles=15 + seed * 10)
        entities = store.entities()
        for query in QUERIES:
            expected = searched_before(entities, query)
            for limit, offset in [(20, 0), (1, 0), (2, 1), (3, 2), (4, 6), (5, 100)]:
                found, total = store.actor_search(query, limit, offset)
                assert total == len(expected), query
                assert found == expected[offset : offset + limit], (query, limit, offset)


def test_search_takes_wildcards_literally(store: Store) -> None:
    generated(store, seed=4)
    found, total = store.actor_search("%", 20, 0)
    assert [e.key for e in found] == ["org:100% club"] and total == 1
    assert [e.key for e in store.actor_search("a_b", 20, 0)[0]] == ["org:a_b"]
    assert store.actor_search("zzz", 20, 0) == ([], 0)
