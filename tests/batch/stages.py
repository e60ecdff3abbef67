"""Stages that misbehave on one marked article, importable by the worker and child processes
the executors start (test modules are not), with warm-ups that install them there."""

from __future__ import annotations

import time

import crosswire.actors
from crosswire import pipeline
from crosswire.model import Article, Attribution, Mention

SLOW = "Quillfeather"  # an article naming him never finishes its attributions
BROKEN = "Brambleworth"  # an article naming him makes a stage raise

_real_attributions = crosswire.actors.find_attributions
_real_warm_up = pipeline.warm_up


def misbehaving_attributions(
    doc: object, article: Article, mentions: list[Mention]
) -> list[Attribution]:
    if SLOW in article.text:
        while True:  # a stage that never ends, as the attribution cue search once did
            time.sleep(0.05)
    if BROKEN in article.text:
        raise ValueError("a stage failed on this article")
    return _real_attributions(doc, article, mentions)


def install() -> None:
    """Make the attribution stage misbehave in this process (the stage runner looks its
    function up on `crosswire.actors` each time it runs: `crosswire.stages.Stage.resolve`)."""
    crosswire.actors.find_attributions = misbehaving_attributions


def warm_up_and_install() -> None:
    """`pipeline.warm_up`, then `install`: what a spawned child or worker runs first."""
    _real_warm_up()
    install()


def install_everywhere() -> None:
    """Ray's worker setup hook: install here, and make the children an actor spawns warm
    up the same way."""
    install()
    pipeline.warm_up = warm_up_and_install
    import crosswire.batch.ray_job as ray_job

    ray_job.warm_up = warm_up_and_install
