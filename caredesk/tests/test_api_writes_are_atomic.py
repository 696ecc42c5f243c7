"""A write operation that answers an error leaves nothing half-written."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.testing import TestClient

from caredesk.api_support.router import ApiRouter
from caredesk.tenancy.models import Client


def _router() -> ApiRouter:
    router = ApiRouter()

    @router.post("/half", auth=None)
    def half_written(request: HttpRequest) -> dict[str, str]:
        Client.objects.create(name="written before the failure")
        raise HttpError(409, "failed after writing")

    @router.post("/whole", auth=None)
    def whole(request: HttpRequest) -> dict[str, str]:
        Client.objects.create(name="kept")
        return {"status": "ok"}

    return router


def test_an_error_after_a_write_rolls_the_write_back(db):
    client = TestClient(_router())
    assert client.post("/half").status_code == 409
    assert not Client.objects.filter(name="written before the failure").exists()


def test_a_successful_write_is_kept(db):
    client = TestClient(_router())
    response = client.post("/whole")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert Client.objects.filter(name="kept").exists()


# Writes whose one database write is a single statement (`single_statement`), reviewed here.
SINGLE_STATEMENT = {"post_inbound"}


def test_every_write_operation_of_the_api_runs_in_a_transaction():
    from caredesk.api import api

    single = set()
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                if set(operation.methods) <= {"GET", "HEAD"}:
                    continue
                decorators = getattr(operation, "_run_decorators", [])
                names = [getattr(d, "__name__", "") for d in decorators]
                if getattr(operation.view_func, "_single_statement", False):
                    single.add(operation.view_func.__name__)
                    assert "atomic_operation" not in names
                    continue
                assert "atomic_operation" in names, (operation.methods, operation.view_func)
    assert single == SINGLE_STATEMENT
