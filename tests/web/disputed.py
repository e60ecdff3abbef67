"""A store written record by record for the pages' tests of what the pipeline's own
fixture cannot show: an untitled article, source URLs (one of them `javascript:`), cited
sources with and without a web address, and a date dispute in which one article says
both Wednesday and Thursday. The contradiction is computed by fusion's own
`contradictions_of`, as the pipeline stores it."""

from __future__ import annotations

from pathlib import Path

from crosswire.model import (
    ActorRef,
    Analysis,
    Article,
    BriefSentence,
    Citation,
    Event,
    EventMention,
    IngestError,
    Place,
    Story,
    TimeExpr,
)
from crosswire.store import open_store
from crosswire.stories.fuse import contradictions_of

LAVROV = ActorRef("sergei lavrov", "Sergei Lavrov", "RUS", "GOV")
KIM = ActorRef("kim jong un", "Kim Jong Un", "PRK", "GOV")
MAIL_TEXT = (
    "Sergei Lavrov met Kim Jong Un in Pyongyang on Wednesday, KCNA said. "
    "The two men met again on Thursday to close the talks."
)
TASS_TEXT = "Sergei Lavrov met Kim Jong Un in Pyongyang on Thursday."
MAIL_URL = "https://www.dailymail.co.uk/news/lavrov-kim.html"
KCNA_URL = "https://kcnawatch.org/newstream/lavrov"
BAD_URL = "javascript:alert(document.cookie)"
SERVER_FOLDER = "/srv/crosswire/uploads/tmp-91ab"


def _span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`; they end at ". " here."""
    ends = [i + 1 for i in range(len(text)) if text.startswith(". ", i)] + [len(text)]
    starts = [0] + [end + 1 for end in ends[:-1]]
    return list(zip(starts, ends, strict=True))


def _mention(article: Article, sentence: tuple[int, int], nth: int, day: str) -> EventMention:
    start, end = _span(article.text, "met", nth)
    return EventMention(
        article_id=article.id, type="CONSULT", start=start, end=end,
        sentence_start=sentence[0], sentence_end=sentence[1], mode="visit",
        source=LAVROV, target=KIM, participants=[LAVROV, KIM],
        location=Place("Pyongyang", "PRK"), date=day, date_from="text", trigger="met",
    )  # fmt: skip


def _times(text: str, *days: tuple[str, str]) -> list[TimeExpr]:
    return [TimeExpr(*_span(text, word), word, "DATE", value) for word, value in days]


def build_disputed_store(folder: Path, tass_outlet: str | None = "Tass") -> str:
    """The store in a SQLite file under `folder`; `tass_outlet` None gives the Tass article
    no outlet (a citation must then name it by its title, never by its file)."""
    mail = Article(
        id="amail", text=MAIL_TEXT, path=f"{SERVER_FOLDER}/mail-page.html", title=None,
        url=MAIL_URL, outlet="Daily Mail", published="2018-05-31", language="en",
        cites=[Citation("KCNA said", KCNA_URL, "KCNA"), Citation("Yonhap reported", BAD_URL)],
    )  # fmt: skip
    tass = Article(
        id="atass", text=TASS_TEXT, path=f"{SERVER_FOLDER}/tass.html",
        title="Lavrov holds talks with Kim", url=BAD_URL, outlet=tass_outlet,
        published="2018-05-31", language="en",
    )  # fmt: skip
    mail_sentences, tass_sentences = _sentences(MAIL_TEXT), _sentences(TASS_TEXT)
    mentions = [
        _mention(mail, mail_sentences[0], 0, "2018-05-30"),
        _mention(mail, mail_sentences[1], 1, "2018-05-31"),
        _mention(tass, tass_sentences[0], 0, "2018-05-31"),
    ]
    analyses = {
        "amail": Analysis(
            "amail", "2018-05-31", mail_sentences,
            times=_times(MAIL_TEXT, ("Wednesday", "2018-05-30"), ("Thursday", "2018-05-31")),
            events=mentions[:2],
        ),
        "atass": Analysis(
            "atass", "2018-05-31", tass_sentences,
            times=_times(TASS_TEXT, ("Thursday", "2018-05-31")), events=mentions[2:],
        ),
    }  # fmt: skip
    event = Event(
        id="vtalks", story_id="stalks", type="CONSULT", mode="visit", cameo=None,
        source=LAVROV, target=KIM, participants=[KIM, LAVROV],
        location=Place("Pyongyang", "PRK"), date="2018-05-31", date_from="text",
        negated=False, modality="asserted", article_ids=["amail", "atass"], n_sources=2,
        mentions=mentions,
    )  # fmt: skip
    story = Story(
        id="stalks", title="Lavrov holds talks with Kim", article_ids=["amail", "atass"],
        first_date="2018-05-30", last_date="2018-05-31",
        brief=[BriefSentence("Sergei Lavrov met Kim Jong Un in Pyongyang.", ["amail", "atass"])],
        contradictions=contradictions_of(event),
    )  # fmt: skip
    db = str(folder / "disputed.db")
    store = open_store(db)
    try:
        with store.transaction():
            for article in (mail, tass):
                store.add_article(article, analyses[article.id])
                store.update_article(article, story.id)
            store.replace_story(story, [event])
            store.add_error(
                IngestError(
                    f"{SERVER_FOLDER}/broken.html", f"cannot read '{SERVER_FOLDER}/broken.html'"
                )
            )
    finally:
        store.close()
    return db
