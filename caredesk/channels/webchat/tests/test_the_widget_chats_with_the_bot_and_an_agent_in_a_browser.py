"""In headless Chromium: a visitor opens the widget on the demo page, asks a question and sees
the bot's answer with its source article; reports a side effect and sees the handover; an agent
joins from the console in a second browser and the reply reaches the visitor's widget (SSE)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from caredesk.channels.webchat.tests.conftest import set_up_chat
from caredesk.testing.factories import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def ask(page: Any, text: str) -> None:
    page.fill("#cdchat-input", text)
    page.press("#cdchat-input", "Enter")


def test_the_widget_answers_hands_over_and_carries_the_agents_reply(
    page, browser, live_server, world
) -> None:
    chat = set_up_chat(world.program_a, world.admin_a)
    page.goto(f"/chat/demo/{chat.program.code}/")
    expect(page.locator("#embed-tag")).to_contain_text('data-program="relief-us"')
    page.click("#cdchat-launcher")
    expect(page.locator("#cdchat-title")).to_have_text("Relievium assistant")

    ask(page, "How many pills can I take in one day?")
    answer = page.locator(".cdchat-bot").filter(has_text="6 tablets in 24 hours")
    expect(answer).to_have_count(1)
    expect(answer.locator(".cdchat-source a")).to_have_text("How to take Relievium tablets")

    ask(page, "I took two tablets and got a bad rash and swelling on my face")
    expect(page.locator(".cdchat-bot").last).to_contain_text("specialist who will take over")
    expect(page.locator("#cdchat-status")).to_contain_text("Waiting for a specialist")

    agent_context = browser.new_context(base_url=live_server.url)
    try:
        agent = agent_context.new_page()
        agent.set_default_timeout(10_000)
        agent.goto("/accounts/login/")
        agent.fill("#id_username", world.agent_a.username)
        agent.fill("#id_password", PASSWORD)
        agent.click("form button[type=submit]")
        agent.wait_for_url(lambda url: "/accounts/login" not in url)
        agent.goto("/chat/console/")
        row = agent.locator("tr.chat-row.priority")
        expect(row).to_contain_text("adverse event")
        row.locator("a.open-chat").click()
        expect(agent.locator("#chat-transcript")).to_contain_text("bad rash")
        agent.click("#join-chat")
        agent.fill("#reply-text", "I am sorry to hear that. When did the rash start?")
        agent.click("#send-reply")
        expect(agent.locator("#chat-transcript")).to_contain_text("When did the rash start?")
    finally:
        agent_context.close()

    expect(page.locator("#cdchat-status")).to_contain_text("chatting with a specialist")
    expect(page.locator(".cdchat-agent")).to_contain_text("When did the rash start?")
