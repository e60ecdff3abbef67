"""A scraped aggregator text with every kind of residue, shared by the cleaning tests."""

from __future__ import annotations

from crosswire.model import Source

SCRAPED = """HARBOUR TOWN OPENS NEW FERRY TERMINAL AFTER STORM DELAYS

-

14.03.2024

Coastline Wire (14 March 2024)

  • The terminal opened on Wednesday after two weeks of delays
  • Ferries will run every hour

The new ferry terminal in Harbour Town opened on Wednesday, the port authority said.

Scroll down for video

Passengers wait on the new pier on opening day

Officials said the terminal would double the number of crossings by the summer.

Advertisement

<https://www.coastlinewire.example/harbour/ferry-terminal-opens-after->

storm-delays

Kaynak/Source:Harbour Town opens new ferry terminal after storm delays
"""


def text_source(text: str) -> Source:
    return Source(path="scraped.txt", format="text", text=text)
