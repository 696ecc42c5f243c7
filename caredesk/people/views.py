"""People pages: live search, the person page with its cross-channel timeline, new person."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Q, prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from caredesk.cases.models import Case, Interaction
from caredesk.cases.views_support import INVALID, add_service_errors, is_htmx, service_view
from caredesk.errors import Conflict, InvalidInput
from caredesk.people.forms import SERVICE_FIELD_ALIASES, PersonForm, SearchForm
from caredesk.people.services.lookup import search_persons, view_person
from caredesk.people.services.persons import create_person


@login_required
def search(request: HttpRequest) -> HttpResponse:
    """Search page; with htmx (typing in the box) only the result list is sent."""
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    persons = list(search_persons(request.user, query)) if query else []
    prefetch_related_objects(persons, "contact_points")
    context = {"form": form, "query": query, "persons": persons}
    if is_htmx(request):
        return render(request, "people/_results.html", context)
    return render(request, "people/search.html", context)


@login_required
@service_view
def person_detail(request: HttpRequest, person_id: int) -> HttpResponse:
    """A person's record; reading it is audited by `view_person`."""
    person = view_person(request.user, person_id)
    cases = Case.objects.visible_to(request.user).filter(person=person)
    interactions = (
        Interaction.objects.visible_to(request.user)
        .filter(Q(person=person) | Q(case__person=person))
        .select_related("case", "author")
        .prefetch_related("attachments", "corrections")
        .order_by("-occurred_at", "-id")
    )
    context = {
        "person": person,
        "contact_points": person.contact_points.order_by("kind", "-is_primary", "id"),
        "affiliations": person.affiliations.select_related("organization"),
        "cases": cases.select_related("queue", "product").order_by("-opened_at"),
        "interactions": interactions[:200],
    }
    return render(request, "people/person_detail.html", context)


@login_required
@service_view
@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    form = PersonForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                person = create_person(
                    form.cleaned_data["program"], form.to_input(), acting_user=request.user
                )
            except (InvalidInput, Conflict) as exc:
                add_service_errors(form, exc, SERVICE_FIELD_ALIASES)
            else:
                return redirect("people:detail", person_id=person.pk)
        status = INVALID
    return render(request, "people/person_form.html", {"form": form}, status=status)
