"""The agents' chat console: waiting chats (safety first), a chat's live transcript (htmx
polling), join, reply and end. Scoped: another program's chat is the 404 page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from caredesk.cases.views_support import INVALID, is_htmx, service_view
from caredesk.channels.webchat.models import ChatSession
from caredesk.channels.webchat.services.console import (
    access_chat,
    agent_reply,
    chats_for_console,
    end_chat,
    join_chat,
)
from caredesk.channels.webchat.services.sessions import transcript_after
from caredesk.errors import Conflict, InvalidInput


@login_required
@require_GET
def console(request: HttpRequest) -> HttpResponse:
    chats = list(chats_for_console(request.user)[:200])
    template = (
        "channels_webchat/_console_list.html"
        if is_htmx(request)
        else "channels_webchat/console.html"
    )
    return render(request, template, {"chats": chats})


def _transcript(request: HttpRequest, chat: ChatSession, error: str = "") -> HttpResponse:
    context = {"chat": chat, "lines": transcript_after(chat, 0, limit=1000), "error": error}
    return render(
        request, "channels_webchat/_transcript.html", context, status=INVALID if error else 200
    )


@login_required
@service_view
@require_GET
def chat_page(request: HttpRequest, chat_id: int) -> HttpResponse:
    chat = access_chat(request.user, chat_id)
    if is_htmx(request):
        return _transcript(request, chat)
    lines = transcript_after(chat, 0, limit=1000)
    return render(request, "channels_webchat/chat.html", {"chat": chat, "lines": lines})


@login_required
@service_view
@require_POST
def join(request: HttpRequest, chat_id: int) -> HttpResponse:
    chat = access_chat(request.user, chat_id)
    try:
        join_chat(chat, acting_user=request.user)
    except Conflict as exc:
        lines = transcript_after(chat, 0, limit=1000)
        context = {"chat": chat, "lines": lines, "error": exc.message}
        return render(request, "channels_webchat/chat.html", context, status=409)
    return redirect("webchat:chat", chat_id=chat.pk)


@login_required
@service_view
@require_POST
def reply(request: HttpRequest, chat_id: int) -> HttpResponse:
    chat = access_chat(request.user, chat_id)
    try:
        agent_reply(chat, request.POST.get("text", ""), acting_user=request.user)
    except (InvalidInput, Conflict) as exc:
        return _transcript(request, access_chat(request.user, chat_id), exc.message)
    return _transcript(request, access_chat(request.user, chat_id))


@login_required
@service_view
@require_POST
def end(request: HttpRequest, chat_id: int) -> HttpResponse:
    chat = access_chat(request.user, chat_id)
    end_chat(chat, by="the care specialist", acting_user=request.user)
    return redirect("webchat:chat", chat_id=chat.pk)
