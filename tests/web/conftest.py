from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.api.fixtures import build_store

from crosswire.web.app import create_app


@pytest.fixture(scope="session")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("served-web"))


@pytest.fixture(scope="session")
def client(served_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(served_db), base_url="http://127.0.0.1") as test_client:
        yield test_client
