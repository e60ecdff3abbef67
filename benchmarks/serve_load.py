"""Concurrent load on a served store of at least 10,000 articles, on SQLite and PostgreSQL.

A real uvicorn server (a subprocess, as `crosswire serve` runs it) answers CLIENTS threads,
each requesting the list, search, story, event, article and actor endpoints and pages in
turn; the figures are requests per second, p50 and p99 latency per endpoint and the number
of errors (any answer but 200, or no answer). Three phases on one server:
1. analysts: each client pauses 0.5-1.5 s between requests (a person clicking, or a script
   paced like one) for SECONDS, and for as long as a colleague's upload of 20 articles
   (POSTed with the write token, analysed by the server's ingest job) is running;
2. saturated: the same clients without pauses for SECONDS: the most the server answers;
3. one client alone for SECONDS / 2: what a request costs when nothing waits before it.

The store. Running spaCy over 10,000 articles takes about 20 minutes on 2 cores, so the
store is built in two steps, both through the `Store` interface the pipeline writes with:
1. a base store of real articles run through the whole pipeline (serve.py's: the example
   corpus, the seed articles and the gold texts of ../shared/bench/extraction);
2. the base replayed COPIES times: every article, analysis, story and event written again
   with new ids (``id~k``) and every full date shifted k weeks back, so copy k is the same
   news a week earlier. The story list's figures are worked out by `replace_story` as for
   any story. What this store lacks against a real one: its texts repeat (a search matches
   each base article's copies), its actors are the base's (actor pages see ~COPIES times
   the events), and its stories never merge across copies.

    python benchmarks/serve_load.py [--articles 10000] [--seconds 20] [--clients 16]
        [--postgres URL] [--server-src PATH]

``--postgres`` (or CROSSWIRE_TEST_POSTGRES) is a server URL whose role may create
databases: the replayed store is written to a new database there, measured and dropped.
``--server-src`` serves with another checkout's ``src`` (to measure code before a change).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx

from common import ROOT, bench_data, write_result
from crosswire.model import Analysis, Article, Event, Story
from crosswire.store import Store, open_store
from serve import build

TOKEN = uuid.uuid4().hex  # the served store's write token: the colleague who uploads has it
# An analyst reading the server: a request (a click, or a script's call) every 0.5-1.5 s
THINK_S = (0.5, 1.5)
UPLOAD_ARTICLES = 20  # what the colleague uploads while the analysts read
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
DATE_KEYS = {"published", "first_date", "last_date", "date", "value"}


# --------------------------------------------------------------------------- the store


def renamed(value: Any, ids: set[str], k: int) -> Any:
    """`value` (a to_dict() document) with every stored id suffixed ``~k`` and every full
    date shifted k weeks back."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in DATE_KEYS and isinstance(item, str) and FULL_DATE.match(item):
                out[key] = shifted(item, k)
            else:
                out[key] = renamed(item, ids, k)
        return out
    if isinstance(value, list):
        return [renamed(v, ids, k) for v in value]
    if isinstance(value, str) and value in ids:
        return f"{value}~{k}"
    return value


def shifted(text: str, k: int) -> str:
    try:
        day = date.fromisoformat(text[:10]) - timedelta(weeks=k)
    except ValueError:
        return text
    return day.isoformat() + text[10:]


def replay(base: Store, target: Store, copies: int) -> None:
    """Write `copies` renamed copies of everything in `base` to `target`."""
    articles = list(base.articles())
    analyses = {a.id: base.analysis(a.id).to_dict() for a in articles}
    stories = base.stories()
    events = defaultdict(list)
    for event in base.events():
        events[event.story_id].append(event.to_dict())
    ids = {a.id for a in articles} | {s.id for s in stories}
    ids |= {e["id"] for group in events.values() for e in group}
    story_of = {a.id: base.story_of(a.id) for a in articles}
    for k in range(copies):
        with target.transaction():
            for article in articles:
                copy = Article.from_dict(renamed(article.to_dict(), ids, k))
                target.add_article(copy, Analysis.from_dict(renamed(analyses[article.id], ids, k)))
            for article in articles:
                copy = Article.from_dict(renamed(article.to_dict(), ids, k))
                story = story_of[article.id]
                target.update_article(copy, f"{story}~{k}" if story else None)
            for story in stories:
                target.replace_story(
                    Story.from_dict(renamed(story.to_dict(), ids, k)),
                    [Event.from_dict(renamed(e, ids, k)) for e in events[story.id]],
                )
        print(f"  copy {k + 1}/{copies}", file=sys.stderr, end="\r")
    print(file=sys.stderr)


# --------------------------------------------------------------------------- the load


def serve(db: str, port: int, src: Path) -> subprocess.Popen[bytes]:
    code = (
        "import sys, uvicorn; from crosswire.api import create_app;"
        " uvicorn.run(create_app(sys.argv[1], token=sys.argv[3]), host='127.0.0.1',"
        " port=int(sys.argv[2]), log_level='error')"
    )
    env = {**os.environ, "PYTHONPATH": str(src)}
    server = subprocess.Popen([sys.executable, "-c", code, db, str(port), TOKEN], env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=60).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def endpoints(client: httpx.Client) -> dict[str, str]:
    biggest = client.get("/api/stories", params={"sort": "size", "limit": 50}).json()["items"]
    story = next((s for s in biggest if s["last_date"]), biggest[0])  # a month to filter by
    detail = client.get(f"/api/stories/{story['id']}").json()
    event = max(detail["events"], key=lambda e: e["n_sources"])
    actor = story["top_actors"][0]
    word = actor["name"].split()[-1]
    return {
        "api stories": "/api/stories",
        "api stories top, min sources": "/api/stories?sort=top&min_sources=2",
        "api stories by actor": f"/api/stories?actor={word}&sort=sources",
        "api stories by type, country": "/api/stories?type=CONSULT&country=USA",
        "api stories page 20": "/api/stories?offset=400",
        "api story": f"/api/stories/{story['id']}",
        "api events": "/api/events?limit=50&offset=1000",
        "api event": f"/api/events/{event['id']}",
        "api search": "/api/search?q=minister",
        "api search facet": "/api/search?q=police&month=" + (story["last_date"] or "2020-01")[:7],
        "api actor search": f"/api/actors?q={word}",
        "api actor": f"/api/actors/{actor['entity_id']}",
        "api actor events csv": f"/api/actors/{actor['entity_id']}/events.csv",
        "api article": f"/api/articles/{detail['articles'][0]['id']}",
        "page home": "/",
        "page home filtered": "/?min_sources=2&type=CONSULT",
        "page search": "/search?q=government",
        "page story": f"/stories/{story['id']}",
        "page actor": f"/actors/{actor['entity_id']}",
        "page event": f"/events/{event['id']}",
    }


def hammer(base: str, paths: list[str], stop: float, out: dict[str, list[float]],
           errors: dict[str, int], lock: threading.Lock,
           think: tuple[float, float] | None,
           busy: Callable[[], bool]) -> None:  # fmt: skip
    pause = random.Random(paths[0])
    with httpx.Client(base_url=base, timeout=60) as client:
        i = 0
        while time.monotonic() < stop or busy():
            if think and i:
                time.sleep(pause.uniform(*think))
            path = paths[i % len(paths)]
            i += 1
            started = time.perf_counter()
            try:
                ok = client.get(path).status_code == 200
            except httpx.HTTPError:
                ok = False
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                out[path].append(elapsed)
                if not ok:
                    errors[path] = errors.get(path, 0) + 1


upload_figures: dict[str, Any] = {}


def upload_articles(base: str, db: str) -> None:
    """POST `UPLOAD_ARTICLES` stored articles' texts (each with a line added, so each is a
    new article) as one JSONL file, as a colleague's upload, and wait for its job."""
    store = open_store(db)
    try:
        records = [
            {"text": f"{a.text}\n\nUpdated {k}.", "title": a.title, "outlet": a.outlet}
            for k, a in enumerate(islice(store.articles(), UPLOAD_ARTICLES))
        ]
    finally:
        store.close()
    body = "".join(json.dumps(r) + "\n" for r in records).encode()
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=60) as client:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        files = {"file": ("colleague.jsonl", body, "application/x-ndjson")}
        job = client.post("/api/uploads", files=files, headers=headers).json()
        while job.get("state") in ("queued", "running"):
            time.sleep(0.5)
            job = client.get(f"/api/jobs/{job['id']}").json()
    upload_figures.update(
        articles=len(records),
        state=job.get("state"),
        new_articles=job.get("new_articles"),
        seconds=round(time.perf_counter() - started, 1),
    )


def percentile(values: list[float], p: float) -> float:
    ranked = sorted(values)
    return round(ranked[min(len(ranked) - 1, round(p * (len(ranked) - 1)))], 1)


def load(db: str, clients: int, seconds: float, src: Path) -> dict[str, Any]:
    """`clients` concurrent clients for `seconds`, then one client alone for half as long
    (what a request costs without waiting behind others)."""
    port = 8700 + os.getpid() % 200
    server = serve(db, port, src)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            named = endpoints(client)
            first = {}
            for name, path in named.items():  # warm: first reads (and any cache)
                started = time.perf_counter()
                client.get(path)
                first[name] = round((time.perf_counter() - started) * 1000, 1)
        # analysts: each pauses between requests, while a colleague uploads articles
        upload = threading.Thread(target=upload_articles, args=(base, db))
        upload.start()
        analysts = measure(base, named, clients, seconds, THINK_S, busy=upload.is_alive)
        figures = {"analysts": analysts}
        upload.join()
        figures["upload"] = upload_figures
        # saturation: the same clients without a pause, what the server can answer at most
        figures["saturated"] = measure(base, named, clients, seconds)
        # a fresh server's first request: what a cache of the whole store pays again
        # after each write
        figures["first_request_ms"] = first
        figures["one_client"] = measure(base, named, 1, seconds / 2)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return figures


def measure(
    base: str,
    named: dict[str, str],
    clients: int,
    seconds: float,
    think: tuple[float, float] | None = None,
    busy: Callable[[], bool] = lambda: False,
) -> dict[str, Any]:
    """`clients` threads requesting every endpoint in turn for `seconds` (and while `busy`),
    pausing `think` seconds (a random span) between requests if given."""
    paths = list(named.values())
    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = {}
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    threads = [
        threading.Thread(target=hammer, args=(base, paths[i:] + paths[:i], stop, times,
                                              errors, lock, think, busy))
        for i in range(clients)
    ]  # fmt: skip
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    total = sum(len(v) for v in times.values())
    every = [t for v in times.values() for t in v]
    return {
        "clients": clients,
        "think_s": list(think) if think else None,
        "requests": total,
        "requests_per_s": round(total / wall, 1),
        "errors": sum(errors.values()),
        "p50_ms": percentile(every, 0.5),
        "p99_ms": percentile(every, 0.99),
        "endpoints": {
            name: {
                "requests": len(times[path]),
                "errors": errors.get(path, 0),
                "p50_ms": percentile(times[path], 0.5),
                "p99_ms": percentile(times[path], 0.99),
            }
            for name, path in named.items()
            if times[path]
        },
    }


# --------------------------------------------------------------------------- main


def new_database(server: str) -> tuple[str, str]:
    import psycopg
    from psycopg import sql

    name = f"crosswire_load_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return name, urlunsplit(urlsplit(server)._replace(path=f"/{name}"))


def drop_database(server: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(server, autocommit=True) as admin:
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        admin.execute(drop.format(sql.Identifier(name)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="at least this many")
    parser.add_argument("--base", type=int, default=90, help="bench articles in the base")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--postgres", default=os.environ.get("CROSSWIRE_TEST_POSTGRES"))
    parser.add_argument("--server-src", type=Path, default=ROOT / "src")
    parser.add_argument("--keep", type=Path, help="keep the SQLite store here")
    parser.add_argument("--store", help="measure this store as it is (no build)")
    parser.add_argument("--name", default="serve_load", help="result file name")
    args = parser.parse_args()
    gold_file = bench_data("extraction", "ground-truth.json")
    figures: dict[str, Any] = {"clients": args.clients, "seconds": args.seconds}
    if args.store:
        store = open_store(args.store)
        figures["store"] = store.counts()
        store.close()
        figures["measured"] = load(args.store, args.clients, args.seconds, args.server_src)
        write_result(args.name, gold_file.parent, figures)
        return
    with tempfile.TemporaryDirectory() as tmp:
        base_db = str(Path(tmp) / "base.db")
        n_base = build(Path(base_db), gold_file, args.base)
        copies = -(-args.articles // n_base)
        db = str(args.keep or Path(tmp) / "load.db")
        base, target = open_store(base_db), open_store(db)
        replay(base, target, copies)
        figures["store"] = {"base_articles": n_base, "copies": copies, **target.counts()}
        target.close()
        print(json.dumps(figures["store"]), file=sys.stderr)
        figures["sqlite"] = load(db, args.clients, args.seconds, args.server_src)
        if args.postgres:
            name, url = new_database(args.postgres)
            try:
                target = open_store(url)
                replay(base, target, copies)
                # statistics and visibility map, as autovacuum leaves a store that has been up
                # a while (a freshly written one makes index-only scans visit the table)
                target.db.execute("VACUUM ANALYZE")  # type: ignore[attr-defined]
                target.close()
                figures["postgres"] = load(url, args.clients, args.seconds, args.server_src)
            finally:
                drop_database(args.postgres, name)
        base.close()
    write_result(args.name, gold_file.parent, figures)


if __name__ == "__main__":
    main()
