"""Scope: whether an article and each of its sentences report an interaction between
political or social actors (politics, diplomacy, conflict, crime and justice, protest, aid,
economic relations involving states), and whether they are in English at all.

The ``scope`` stage (`decide_scope`) decides the page as a whole (the ``document`` model
over its title and lead and its sentences: `document`) and gives every sentence its
decision (``in``, ``out``, ``other-language``, with a probability, the page's probability
mixed in) before coding; the ``events`` stage
(`scoped_events`) keeps the coder's events only in English sentences that a second, finer
model confirms in scope, and the French coder's events only on a French page whose lead
the document model finds in scope (`decide.lead_probability`, `training.lead`). The models
are learned from the labelled real sentences of ``labels/events`` (and the shared gold
sets' examples as in-scope sentences) by ``python -m crosswire.scope.train`` and shipped
in ``data/models/scope.*``; see `model`.
"""

from __future__ import annotations

from crosswire.scope.confirm import scoped_events
from crosswire.scope.decide import decide_scope

__all__ = ["decide_scope", "scoped_events"]
