"""A program with an approved knowledge base and a chat, and a clean rate-limit cache."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from caredesk.accounts.models import User
from caredesk.channels.webchat.models import ChatSession, ChatWidget
from caredesk.channels.webchat.services.widgets import set_up_widget
from caredesk.knowledge.models import ArticleVersion
from caredesk.tenancy.models import Program, Role
from caredesk.testing import factories as f
from caredesk.testing.knowledge_objects import approved_demo_articles


@dataclass
class Chat:
    program: Program
    widget: ChatWidget
    articles: list[ArticleVersion]
    service: User


def set_up_chat(program: Program, admin: User, origins: list[str] | None = None) -> Chat:
    service = f.member(program, Role.CARE_SPECIALIST, username=f"chatbot_{program.pk}")
    widget = set_up_widget(
        program,
        received_by=service,
        acting_user=admin,
        allowed_origins=origins or ["https://www.relievium.example"],
        bot_name="Relievium assistant",
    )
    return Chat(program, widget, approved_demo_articles(program), service)


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Any:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def chat(world) -> Chat:
    return set_up_chat(world.program_a, world.admin_a)


class Visitor:
    """A visitor's HTTP side of the chat (the widget's calls), with inbox processing run as it
    is after each commit."""

    def __init__(self, program: Program, capture: Any, **headers: Any) -> None:
        self.client = Client()
        self.program = program
        self.capture = capture
        self.headers = headers
        self.session_id = ""
        self.token = ""

    def start(self, **body: Any) -> dict[str, Any]:
        response = self.client.post(
            f"/chat/api/{self.program.code}/sessions",
            json.dumps(body),
            "application/json",
            headers=self.headers,
        )
        assert response.status_code == 201, response.content
        data: dict[str, Any] = response.json()
        self.session_id, self.token = data["session_id"], data["token"]
        return data

    def say(self, text: str, msg_id: str, token: str | None = None) -> Any:
        with self.capture(execute=True):
            return self.client.post(
                f"/chat/api/sessions/{self.session_id}/messages",
                json.dumps({"id": msg_id, "text": text}),
                "application/json",
                headers={"Authorization": f"Bearer {token or self.token}", **self.headers},
            )

    def lines(self, text: str, msg_id: str) -> list[dict[str, Any]]:
        response = self.say(text, msg_id)
        assert response.status_code == 200, response.content
        lines: list[dict[str, Any]] = response.json()["messages"]
        return lines

    def session(self) -> ChatSession:
        return ChatSession.objects.select_related("case").get(session_id=self.session_id)


@pytest.fixture
def visitor(chat: Chat, django_capture_on_commit_callbacks: Any) -> Visitor:
    return Visitor(chat.program, django_capture_on_commit_callbacks)
