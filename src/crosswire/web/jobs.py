"""Background ingestion for the server: one worker thread hands each job to one analysis
process, which runs `crosswire.Pipeline`.

One worker because the SQLite store has a single writer; jobs queue up and run in the
order they were posted. The analysis runs in its own process, at a lower CPU priority:
parsing holds the interpreter lock most of the time, so in a thread of the server it made
every request wait its turn while an upload was analysed; in a process it takes only the
CPU the requests leave, and a page that crashes its process fails that job, not the
server (the next job starts a new process).

Each job's input is written to a file in its own temporary folder first, so the pipeline
reads it exactly as `crosswire run` reads a file (format sniffed from the content, bad input
reported as errors, not raised). What the store records as the article's file is the
uploader's file name (made safe: no folders), never the temporary path; posted JSON
articles are recorded as ``article.jsonl``.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import queue
import re
import shutil
import tempfile
import threading
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from crosswire.errors import StoreError
from crosswire.pipeline import Pipeline, RunReport
from crosswire.settings import DEFAULT, Settings

# How much lower the analysis process's CPU priority is than the server's (``nice``)
ANALYSIS_NICENESS = 10
JobState = Literal["queued", "running", "done", "failed"]
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(slots=True)
class Job:
    id: str
    name: str  # what was posted: "article.jsonl", the uploaded file name
    state: JobState = "queued"
    created: float = field(default_factory=time.time)
    finished: float | None = None
    new_articles: int = 0
    skipped: int = 0
    stories_touched: int = 0
    errors: list[str] = field(default_factory=list)
    message: str | None = None  # why a job failed as a whole


class IngestWorker:
    """Queues ingestion jobs and runs them one at a time on the store at `db`."""

    def __init__(self, db: str, keep: int = 200, settings: Settings = DEFAULT):
        self.db = db
        self.settings = settings
        self.keep = keep  # finished jobs remembered for status queries
        self.jobs: dict[str, Job] = {}
        self._queue: queue.Queue[tuple[Job, Path] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit_bytes(self, name: str, data: bytes) -> Job:
        """Queue raw file content (any format `crosswire run` reads)."""
        safe = _SAFE_NAME.sub("_", Path(name).name).strip("._") or "upload"
        folder = Path(tempfile.mkdtemp(prefix="crosswire-job-"))
        path = folder / safe
        path.write_bytes(data)
        return self._submit(Job(id=uuid.uuid4().hex[:16], name=safe), path)

    def submit_record(self, record: dict[str, str | None]) -> Job:
        """Queue one article given as fields (`text` or `html`, url, title, ...)."""
        line = json.dumps({k: v for k, v in record.items() if v is not None}) + "\n"
        return self.submit_bytes("article.jsonl", line.encode("utf-8"))

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self.jobs.get(job_id)

    def recent(self) -> list[Job]:
        """The jobs remembered (queued, running, the last `keep` finished), newest first."""
        with self._lock:
            return sorted(self.jobs.values(), key=lambda j: j.created, reverse=True)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every queued job has finished (tests use it); False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._queue.unfinished_tasks:
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        return True

    def stop(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout=30)
            self._thread = None

    def _submit(self, job: Job, path: Path) -> Job:
        with self._lock:
            self.jobs[job.id] = job
            self._forget_old()
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="ingest", daemon=True)
                self._thread.start()
        self._queue.put((job, path))
        return job

    def _forget_old(self) -> None:
        done = [j for j in self.jobs.values() if j.finished is not None]
        for job in sorted(done, key=lambda j: j.created)[: max(0, len(done) - self.keep)]:
            del self.jobs[job.id]

    def _loop(self) -> None:
        analysis: ProcessPoolExecutor | None = None
        while (item := self._queue.get()) is not None:
            job, path = item
            try:
                analysis = analysis or _analysis_process()
                job.state = "running"
                # stored under the uploader's file name: the temporary path is never recorded
                report = analysis.submit(analyse, self.db, str(path), job.name, self.settings)
                self._done(job, report.result(), path)
            except BrokenProcessPool:
                job.state, job.message = "failed", "the analysis process stopped on this input"
                analysis = None  # the next job starts a new one
            except Exception as exc:  # a failed job must not stop the worker
                job.state, job.message = "failed", _failure(exc, path.parent)
            finally:
                job.finished = time.time()
                shutil.rmtree(path.parent, ignore_errors=True)
                self._queue.task_done()
        if analysis is not None:
            analysis.shutdown(wait=True)
        self._queue.task_done()

    @staticmethod
    def _done(job: Job, report: RunReport, path: Path) -> None:
        job.new_articles, job.skipped = report.new_articles, report.skipped
        job.stories_touched = report.stories_touched
        job.errors = [_without(str(e), path.parent) for e in report.errors]
        job.state = "done"


def _analysis_process() -> ProcessPoolExecutor:
    """One process for the analysis, started fresh (not forked from the server's threads)."""
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_lower_priority)


def _lower_priority() -> None:
    os.nice(ANALYSIS_NICENESS)


# The analysis process's pipeline per store and settings, opened by its first job and kept
# (the models load once per process)
_pipelines: dict[tuple[str, str], Pipeline] = {}


def analyse(db: str, path: str, name: str, settings: Settings = DEFAULT) -> RunReport:
    """Run one job's input through the pipeline of the store at `db` (in the analysis
    process)."""
    key = (db, settings.model_dump_json())
    pipeline = _pipelines.get(key)
    if pipeline is None:
        pipeline = _pipelines[key] = Pipeline(db, settings=settings)
    return pipeline.run([path], name=name)


def _failure(exc: Exception, folder: Path) -> str:
    """Why a job failed, for the client: a store failure is only named (its message has
    the store's path), anything else without the job's temporary folder."""
    if isinstance(exc, StoreError):
        logging.getLogger("crosswire.web").error("ingestion job failed: %s", exc)
        return "the store is not available (details in the server log)"
    return _without(f"{type(exc).__name__}: {exc}", folder)


def _without(message: str, folder: Path) -> str:
    """`message` with the job's temporary folder taken out, should any part name it."""
    return message.replace(str(folder) + "/", "").replace(str(folder), "")
