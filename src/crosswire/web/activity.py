"""What the server did with its inputs: its ingestion jobs and the inputs it could not
read, as the API answers them (``/api/jobs``, ``/api/errors``) and the pages list them
(``/jobs``, ``/errors``)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from crosswire import views
from crosswire.labels import file_label, without_folders
from crosswire.store.base import Store
from crosswire.web.jobs import IngestWorker, Job


class JobOut(BaseModel):
    id: str
    name: str
    state: Literal["queued", "running", "done", "failed"]
    new_articles: int
    skipped: int
    stories_touched: int
    errors: list[str]
    message: str | None
    status_url: str


class RecentJob(JobOut):
    created: float = Field(description="when it was posted, seconds since the epoch")
    finished: float | None = Field(description="when it ended; null while queued or running")


class ErrorOut(BaseModel):
    """An input that could not be read: its file's name (never the server's folders),
    the record inside it, and why."""

    file: str
    record: str | None
    reason: str


def job_out(job: Job) -> JobOut:
    return JobOut(
        id=job.id,
        name=job.name,
        state=job.state,
        new_articles=job.new_articles,
        skipped=job.skipped,
        stories_touched=job.stories_touched,
        errors=job.errors,
        message=job.message,
        status_url=f"/api/jobs/{job.id}",
    )


def recent_jobs(worker: IngestWorker, limit: int, offset: int) -> views.Page[RecentJob]:
    jobs = worker.recent()
    items = [
        RecentJob(**job_out(j).model_dump(), created=j.created, finished=j.finished)
        for j in jobs[offset : offset + limit]
    ]
    return views.Page(items=items, total=len(jobs), limit=limit, offset=offset)


def input_errors(store: Store, limit: int, offset: int) -> views.Page[ErrorOut]:
    """The store's input errors, newest first, with file names and no server folders."""
    errors, total = store.errors_page(limit, offset)
    items = [
        ErrorOut(file=file_label(e.path), record=e.record, reason=without_folders(e.reason))
        for e in errors
    ]
    return views.Page(items=items, total=total, limit=limit, offset=offset)
