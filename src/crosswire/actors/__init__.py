"""The actors stage: who is who in an article, who said what, and who is quoted.

- ``find_mentions(doc, article)``: repaired entity mentions resolved to canonical actors
  (cross-article keys, country, sector, role).
- ``find_attributions(doc, article, mentions)``: who each reported claim is attributed to.
- ``find_quotes(doc, article, mentions)``: direct quotes and their speakers.
"""

from crosswire.actors.attribution import find_attributions
from crosswire.actors.mentions import find_mentions
from crosswire.actors.quotes import find_quotes

__all__ = ["find_attributions", "find_mentions", "find_quotes"]
