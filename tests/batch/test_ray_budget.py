"""`crosswire batch` on Ray with an article that never finishes and one whose stage fails:
each is one error record, the rest is stored. Ray's worker setup hook installs the
misbehaving stage in the actors (and, through their warm-up, in the children they start)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.batch import stages
from tests.conftest import REPO, write_corpus

from crosswire.batch.ray_job import RayOptions, run_on_ray
from crosswire.pipeline import Pipeline

pytestmark = pytest.mark.slow

try:
    import ray
except ImportError:  # pragma: no cover - the dev install has the ray extra
    if os.environ.get("CI"):
        raise
    pytest.skip("Ray is not installed (pip install -e '.[ray]')", allow_module_level=True)

BUDGET = 3.0


@pytest.fixture(scope="module")
def misbehaving_ray() -> Iterator[None]:
    path = os.pathsep.join([str(REPO), str(REPO / "src"), os.environ.get("PYTHONPATH", "")])
    ray.init(
        num_cpus=3,
        include_dashboard=False,
        log_to_driver=False,
        runtime_env={
            "env_vars": {"PYTHONPATH": path},
            "worker_process_setup_hook": "tests.batch.stages.install_everywhere",
        },
    )
    yield
    ray.shutdown()


def test_ray_actors_record_an_endless_and_a_failing_article(
    misbehaving_ray: None, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path / "in")
    for name, marked in (("slow.txt", stages.SLOW), ("broken.txt", stages.BROKEN)):
        (corpus / name).write_text(
            f"Talks in Oslo\n\nOfficials met {marked} in Oslo on Monday, the ministry said.\n",
            encoding="utf-8",
        )
    pipeline = Pipeline(tmp_path / "ray.db", batch_size=2, time_budget=BUDGET)
    report = run_on_ray(pipeline, [str(corpus)], RayOptions(workers=2))
    assert sorted((Path(e.path).name, e.reason) for e in report.errors) == [
        ("broken.txt", "analysis failed: ValueError: a stage failed on this article"),
        ("slow.txt", f"analysis took longer than {BUDGET:g} s"),
    ]
    assert report.new_articles == 3
