"""Versioning and approval: a draft is not served; its author cannot approve it; another editor
approves with a password-checked e-signature bound to the exact text; editing the approved
article makes a new draft while the approved text stays in use; every step is audited."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.audit.signatures import signature_problems
from caredesk.errors import Conflict, Forbidden, InvalidInput
from caredesk.knowledge.models import VersionStatus
from caredesk.knowledge.services.articles import (
    ArticleInput,
    approve_version,
    create_article,
    edit_article,
    reject_version,
    signed_content,
    submit_version,
)
from caredesk.knowledge.services.retrieval import search_articles
from caredesk.testing.factories import PASSWORD
from caredesk.testing.knowledge_objects import editors

pytestmark = pytest.mark.django_db

STORAGE = ArticleInput(
    title="Storing your tablets",
    body="Keep the tablets at room temperature, away from heat and moisture.",
    keywords="storage temperature",
)


def _events(instance: object, action: str) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            model=instance._meta.label_lower,  # type: ignore[attr-defined]
            object_id=str(instance.pk),  # type: ignore[attr-defined]
            action=action,
        )
    )


def test_draft_is_not_served_until_another_editor_signs_it(world) -> None:
    people = editors(world.program_a)
    draft = create_article(world.program_a, STORAGE, acting_user=people.author)
    assert draft.status == VersionStatus.DRAFT and draft.number == 1
    assert search_articles(world.program_a.pk, "room temperature") == []

    submit_version(draft, acting_user=people.author)
    assert search_articles(world.program_a.pk, "room temperature") == []
    with pytest.raises(Forbidden):
        approve_version(draft, acting_user=people.author, password=PASSWORD)
    with pytest.raises(Forbidden):  # a care specialist is no editor
        approve_version(draft, acting_user=world.agent_a, password=PASSWORD)
    with pytest.raises(Forbidden):  # wrong password: the refusal is audited
        approve_version(draft, acting_user=people.approver, password="wrong password")
    assert _events(draft, AuditAction.SIGN_FAILED)

    approve_version(draft, acting_user=people.approver, password=PASSWORD, note="checked")
    draft.refresh_from_db()
    assert draft.status == VersionStatus.APPROVED
    assert draft.article.current_id == draft.pk
    signature = draft.signature
    assert signature is not None
    assert signature.user_id == people.approver.pk
    assert signature_problems(signature, signed_content(draft)) == []
    hits = search_articles(world.program_a.pk, "room temperature")
    assert [h.version.pk for h in hits] == [draft.pk]
    assert _events(draft, AuditAction.CREATE) and _events(draft, AuditAction.SIGN)
    assert len(_events(draft, AuditAction.UPDATE)) == 2  # submitted, approved


def test_editing_makes_a_new_draft_and_the_approved_text_stays_in_use(world) -> None:
    people = editors(world.program_a)
    v1 = create_article(world.program_a, STORAGE, acting_user=people.author)
    submit_version(v1, acting_user=people.author)
    approve_version(v1, acting_user=people.approver, password=PASSWORD)

    changed = ArticleInput(title="Storing your tablets", body="Keep them in a fridge at 4 °C.")
    v2 = edit_article(v1.article, changed, acting_user=people.author)
    assert (v2.number, v2.status) == (2, VersionStatus.DRAFT)
    assert search_articles(world.program_a.pk, "fridge") == []
    assert search_articles(world.program_a.pk, "room temperature")[0].version.pk == v1.pk

    again = edit_article(
        v1.article, ArticleInput("Storing tablets", "In a fridge."), acting_user=people.author
    )
    assert again.pk == v2.pk  # an open draft is revised in place, audited field by field
    update = _events(v2, AuditAction.UPDATE)[-1]
    assert update.changes["body"] == ["Keep them in a fridge at 4 °C.", "In a fridge."]

    submit_version(v2, acting_user=people.author)
    with pytest.raises(Conflict):  # no edit under the reviewer's eyes
        edit_article(v1.article, STORAGE, acting_user=people.author)
    approve_version(v2, acting_user=people.approver, password=PASSWORD)
    v1.refresh_from_db()
    assert v1.status == VersionStatus.RETIRED
    assert search_articles(world.program_a.pk, "fridge")[0].version.pk == v2.pk
    assert search_articles(world.program_a.pk, "room temperature") == []


def test_a_rejected_version_needs_a_reason_and_is_never_served(world) -> None:
    people = editors(world.program_a)
    draft = create_article(world.program_a, STORAGE, acting_user=people.author)
    submit_version(draft, acting_user=people.author)
    with pytest.raises(InvalidInput):
        reject_version(draft, acting_user=people.approver, note=" ")
    reject_version(draft, acting_user=people.approver, note="cite the label")
    assert draft.status == VersionStatus.REJECTED
    with pytest.raises(Conflict):
        approve_version(draft, acting_user=people.approver, password=PASSWORD)
    follow_up = edit_article(draft.article, STORAGE, acting_user=people.author)
    assert follow_up.number == 2
    assert search_articles(world.program_a.pk, "room temperature") == []


def test_bad_input_is_refused_with_field_messages(world) -> None:
    people = editors(world.program_a)
    with pytest.raises(InvalidInput) as refused:
        create_article(
            world.program_a,
            ArticleInput(title="x", body=" ", language="english"),
            acting_user=people.author,
        )
    assert set(refused.value.fields) == {"title", "body", "language"}
