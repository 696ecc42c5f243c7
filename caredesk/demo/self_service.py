"""Self-service in the demo: the OTC analgesic program's approved knowledge articles (created,
submitted and signed off through the knowledge services, so they carry real approvals) and its
web chat, so `/chat/demo/relievium-us/` answers from them out of the box."""

from __future__ import annotations

from collections import Counter

from caredesk.accounts.models import User
from caredesk.channels.webchat.services.widgets import set_up_widget
from caredesk.demo.catalog import DEMO_PASSWORD
from caredesk.knowledge.demo import load_demo_articles
from caredesk.tenancy.models import Program

PROGRAM = "relievium-us"
ORIGINS = ["http://127.0.0.1:8000", "http://localhost:8000"]


def load_self_service() -> Counter[str]:
    program = Program.objects.system_scope().get(code=PROGRAM)
    names = ("admin.halcyon", "medinfo.halcyon", "agent.relief")
    users = {u.username: u for u in User.objects.filter(username__in=names)}
    admin, author = users["admin.halcyon"], users["medinfo.halcyon"]
    articles = load_demo_articles(program, author=author, approver=admin, password=DEMO_PASSWORD)
    set_up_widget(
        program,
        received_by=users["agent.relief"],
        acting_user=admin,
        allowed_origins=ORIGINS,
        bot_name="Relievium helper",
    )
    return Counter(knowledge_articles=len(articles), chat_widgets=1)
