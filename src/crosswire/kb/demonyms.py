"""The Factbook's nationality forms, read from its snapshot by the KB build and shipped in the
KB's file (``demonyms``), so a process has them with the KB instead of parsing ~260 country
files at its first lookup (`crosswire.actors.countries.country_code` reads them)."""

from __future__ import annotations

import json
import re

from crosswire.actors.countries import factbook_files, population


def factbook_demonyms() -> dict[str, str]:
    """Nationality adjectives and nouns of every state and territory in the Factbook
    snapshot ("Chadian", "Chadians", "Mosotho", "Ni-Vanuatu") -> alpha-3. A form two
    entities share goes to the more populous ("Dutch": the Netherlands, not Aruba;
    "Dominican": the Dominican Republic); crosswire's aliases answer first ("Korean": none).
    Sorted by form, so the same snapshot gives the same bytes."""
    holders: dict[str, set[str]] = {}
    for code, nationality in _nationalities():
        for form in nationality_forms(nationality):
            holders.setdefault(form, set()).add(code)
    return {form: max(sorted(holders[form]), key=population) for form in sorted(holders)}


def _nationalities() -> list[tuple[str, str]]:
    """(alpha-3, "noun; adjective" text) of each Factbook entry with a nationality."""
    found = []
    for path, code in factbook_files():
        with open(path, encoding="utf-8") as handle:
            nationality = json.load(handle).get("People and Society", {}).get("Nationality", {})
        texts = [nationality.get(part, {}).get("text", "") for part in ("noun", "adjective")]
        found.append((code, "; ".join(t.split(";")[0] for t in texts)))
    return found


def nationality_forms(text: str) -> set[str]:
    """ "Chadian(s); Chadian" -> {Chadian, Chadians}; "Mosotho (singular), Basotho
    (plural)" -> {Mosotho, Basotho}; lower-case, all-capital ("NA") and "none" entries are
    no form."""
    forms = set()
    for piece in re.split(r"[;,]|\bor\b", text):
        plural = "(s)" in piece
        word = re.sub(r"\(.*?\)", "", piece).strip()
        if not word[:1].isupper() or word.isupper() or word.lower() == "none":  # "NA"
            continue
        forms.add(word)
        if plural:
            forms.add(word + "s")
    return forms
