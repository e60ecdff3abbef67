"""An office named without its holder's name: "the German chancellor", "Russia's foreign
minister". Where the document names no person with that role, the knowledge base's holder
of the office on the article's day is the actor (a person, keyed as the KB names them);
where the KB knows no single holder, the office itself is the actor: an organisation of
that country with the role's sector ("org:DEU:chancellor")."""

from __future__ import annotations

from datetime import date

from crosswire.actors.classify import Typed
from crosswire.actors.data import roles_file
from crosswire.actors.keys import fold, org_key, person_key
from crosswire.actors.lexicon import roles
from crosswire.kb.base import knowledge_base
from crosswire.kb.resolve import resolve_office
from crosswire.model import ActorRef


def office_mention(
    shown: str, start: int, end: int, role: str, country: str, day: date | None
) -> Typed | None:
    """The mention of `role` of `country` written at start..end; None for a plural role
    ("the Iraqi ministers": several people, no one office)."""
    if role not in _singular_roles():
        return None
    found = resolve_office(knowledge_base(), shown, country, role, day or date.today())
    if found is not None and found.entry is not None and not found.ambiguous:
        name = found.entry.name
        ref = ActorRef(person_key(name), name, found.country or country, found.sector)
        return Typed(start, end, shown, "PERSON", ref, "TITLE", office=role)
    ref = ActorRef(org_key(role, country), shown, country, roles().get(role))
    return Typed(start, end, shown, "ORG", ref, "TITLE", office=role)


def _singular_roles() -> frozenset[str]:
    return frozenset(fold(role) for role in roles_file().roles)
