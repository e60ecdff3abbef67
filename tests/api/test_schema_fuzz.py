"""Every read endpoint of the API, fed values generated from its own OpenAPI schema
(schemathesis, on Hypothesis): whatever the parameters, the answer is never a 5xx.

It complements the hand-written hostile cases of `test_validation.py` with the ones nobody
thought of (huge integers, odd Unicode, empty strings, wrong types) on every GET route the
schema declares, the downloads included: values the schema allows and values it refuses.
Derandomised, so a failure in CI repeats locally.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import Case, GenerationMode, openapi
from schemathesis.checks import not_a_server_error
from schemathesis.python.asgi import HOST
from schemathesis.schemas import APIOperation

from crosswire.web.app import create_app

EXAMPLES = 40  # per operation, allowed and refused values together


def _never_a_server_error(operation: APIOperation) -> None:
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @given(case=cases)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Case) -> None:
        case.validate_response(case.call(), checks=(not_a_server_error,))

    check()


def test_no_parameter_gets_a_server_error(served_db: str) -> None:
    app = create_app(served_db, allowed_hosts=(HOST,))  # the schemathesis client's Host
    schema = openapi.from_asgi("/api/openapi.json", app).include(method="GET")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10, "the schema lists every read endpoint"
    for operation in operations:
        _never_a_server_error(operation)
