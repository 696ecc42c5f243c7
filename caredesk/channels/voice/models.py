"""Voice/IVR records: the numbers a program answers (routes), its IVR script as data, every call
with what the caller did, voicemail recordings and the callbacks callers asked for.

Interactions are immutable, so what happens to a call after it is stored (its status, its queue
wait, its recording) lives here, on the call, linked to the case it was filed on.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from caredesk.channels.sms.models import TOKEN_ENV_PREFIX
from caredesk.tenancy.models import Program
from caredesk.tenancy.scoping import ProgramScopedManager


class MenuAction(models.TextChoices):
    RECALL_CHECK = "recall_check", "Recall check by lot number"
    FAQ = "faq", "Question answered from approved articles"
    HOURS = "hours", "Opening hours"
    REPORT_PROBLEM = "report_problem", "Report a side effect or a problem with a product"
    AGENT = "agent", "Talk to a care specialist"
    VOICEMAIL = "voicemail", "Leave a message"


def default_menu() -> list[dict[str, Any]]:
    """The menu a program starts with; keys, order, wording and speech words are editable."""
    return [
        {
            "key": "1",
            "action": MenuAction.RECALL_CHECK.value,
            "prompt": "To check whether your product is part of a recall, press 1 or say recall.",
            "words": ["recall", "lot", "batch"],
        },
        {
            "key": "2",
            "action": MenuAction.FAQ.value,
            "prompt": "For answers to common questions, press 2 or say question.",
            "words": ["question", "questions", "information", "faq"],
        },
        {
            "key": "3",
            "action": MenuAction.HOURS.value,
            "prompt": "For our opening hours, press 3.",
            "words": ["hours", "open", "opening"],
        },
        {
            "key": "4",
            "action": MenuAction.REPORT_PROBLEM.value,
            "prompt": (
                "To report a side effect or a problem with a product, press 4 or say report."
            ),
            "words": ["side effect", "reaction", "problem", "report", "complaint", "defect"],
        },
        {
            "key": "0",
            "action": MenuAction.AGENT.value,
            "prompt": "To talk to a care specialist, press 0.",
            "words": ["agent", "person", "specialist", "representative", "operator", "human"],
        },
    ]


def menu_problems(menu: Any) -> list[str]:
    """What is wrong with a menu definition (empty when it can be used)."""
    if not isinstance(menu, list) or not menu:
        return ["the menu is a non-empty list of options"]
    problems, keys = [], set()
    for index, item in enumerate(menu):
        if not isinstance(item, dict):
            problems.append(f"option {index}: an object with key, action and prompt")
            continue
        key, action = str(item.get("key", "")), item.get("action")
        if key not in set("0123456789") or key in keys:
            problems.append(f"option {index}: key must be one unused digit 0-9")
        keys.add(key)
        if action not in MenuAction.values:
            problems.append(f"option {index}: action must be one of {', '.join(MenuAction.values)}")
        if not str(item.get("prompt", "")).strip():
            problems.append(f"option {index}: a prompt to read out")
        words = item.get("words", [])
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            problems.append(f"option {index}: words is a list of spoken words")
    return problems


class VoiceRoute(models.Model):
    """Calls to `phone_number` are the program's; the inbox records them as `received_by`.

    As for SMS routes, the Twilio auth token is never stored: `auth_token_env` names the
    environment variable that holds it (it must start with CAREDESK_TWILIO_TOKEN_)."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    phone_number = models.CharField(max_length=20, unique=True, help_text="E.164")
    account_sid = models.CharField(max_length=64, blank=True, help_text="Twilio Account SID")
    auth_token_env = models.CharField(
        max_length=100, blank=True, help_text=f"Environment variable, {TOKEN_ENV_PREFIX}…"
    )
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Service account with a writing role in the program",
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return f"voice {self.phone_number}"

    def clean(self) -> None:
        if self.auth_token_env and not self.auth_token_env.startswith(TOKEN_ENV_PREFIX):
            raise ValidationError({"auth_token_env": f"must start with {TOKEN_ENV_PREFIX}"})


class IvrConfig(models.Model):
    """A program's IVR script: what is said, the menu as data, and the self-service facts.

    `hours_text` empty: the hours are read from the program's SLA business hours. `recalled_lots`
    lists the lot numbers under recall (there is no recall flag on lots yet; a recalls app will
    replace this list). `average_handle_minutes` feeds the wait estimate."""

    program = models.OneToOneField(Program, on_delete=models.CASCADE, related_name="+")
    greeting = models.TextField(default="Thank you for calling.")
    consent_notice = models.TextField(
        default=(
            "This call may be recorded and monitored for quality and safety reporting. "
            "If you do not want to be recorded, please tell the specialist."
        )
    )
    hours_text = models.TextField(blank=True, help_text="Empty: derived from the SLA hours")
    language = models.CharField(max_length=12, default="en-US", help_text="e.g. en-US, es-US")
    voice = models.CharField(max_length=40, default="Polly.Joanna", help_text="Twilio voice")
    menu = models.JSONField(default=default_menu, help_text="Options: key, action, prompt, words")
    recalled_lots = models.JSONField(default=list, blank=True, help_text="Lot numbers recalled")
    recall_next_steps = models.TextField(
        default=(
            "Please stop using the product and keep the package. Press 0 to talk to a "
            "specialist who will arrange a refund or replacement."
        )
    )
    not_recalled_text = models.TextField(default="You can keep using it as directed on the label.")
    general_queue = models.ForeignKey(
        "routing.Queue",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where 'talk to a specialist' waits; empty: the program's default queue",
    )
    average_handle_minutes = models.PositiveSmallIntegerField(default=6)
    offer_callback = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return f"IVR of {self.program_id}"

    def clean(self) -> None:
        problems = menu_problems(self.menu)
        if problems:
            raise ValidationError({"menu": problems})
        if not isinstance(self.recalled_lots, list):
            raise ValidationError({"recalled_lots": "a list of lot numbers"})


class CallStatus(models.TextChoices):
    IN_PROGRESS = "in-progress", "In progress"
    COMPLETED = "completed", "Completed"
    BUSY = "busy", "Busy"
    NO_ANSWER = "no-answer", "No answer"
    FAILED = "failed", "Failed"
    CANCELED = "canceled", "Canceled"


class QueueState(models.TextChoices):
    NONE = "", "Not queued"
    WAITING = "waiting", "Waiting for a specialist"
    ANSWERED = "answered", "Answered by a specialist"
    CALLBACK = "callback", "Left for a callback"
    LEFT = "left", "Left the queue"
    ABANDONED = "abandoned", "Hung up while waiting"


class CallRecord(models.Model):
    """One phone call: its first inbox row, the case it was filed on, what the caller did
    (`steps`), when the consent notice was played, its queue wait and its final status."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    route = models.ForeignKey(VoiceRoute, on_delete=models.PROTECT, related_name="calls")
    call_sid = models.CharField(max_length=64)
    from_phone = models.CharField(max_length=20, blank=True)
    inbound = models.OneToOneField(
        "channels_inbox.InboundMessage", on_delete=models.PROTECT, related_name="call"
    )
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=12, choices=CallStatus.choices, default=CallStatus.IN_PROGRESS
    )
    started_at = models.DateTimeField()
    consent_notice_at = models.DateTimeField(null=True, blank=True)
    steps = models.JSONField(default=list, blank=True, help_text="What the caller chose, in order")
    intent = models.CharField(max_length=16, choices=MenuAction.choices, blank=True)
    queue = models.ForeignKey(
        "routing.Queue", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    queue_state = models.CharField(
        max_length=10, choices=QueueState.choices, default=QueueState.NONE, blank=True
    )
    enqueued_at = models.DateTimeField(null=True, blank=True)
    dequeued_at = models.DateTimeField(null=True, blank=True)
    moved_case_to_queue = models.BooleanField(default=False)
    ended_at = models.DateTimeField(null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["program", "call_sid"], name="uniq_voice_call_sid")
        ]
        indexes = [
            models.Index(fields=["queue", "queue_state", "enqueued_at"]),
            models.Index(fields=["call_sid"]),
        ]

    def __str__(self) -> str:
        return f"call {self.call_sid} ({self.status})"


class CallRecording(models.Model):
    """A voicemail left on a call: the provider's recording reference, and the interaction that
    carries it on the case (logged once the call's case is known)."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    call = models.ForeignKey(CallRecord, on_delete=models.PROTECT, related_name="recordings")
    recording_sid = models.CharField(max_length=64)
    recording_url = models.CharField(max_length=500)
    duration_seconds = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=20, blank=True)
    interaction = models.OneToOneField(
        "cases.Interaction", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["program", "recording_sid"], name="uniq_voice_recording_sid"
            )
        ]

    def __str__(self) -> str:
        return f"recording {self.recording_sid}"


class CallbackStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    DONE = "done", "Called back"
    CANCELLED = "cancelled", "Cancelled"
    FAILED = "failed", "Could not reach the caller"


class Callback(models.Model):
    """A caller who would rather be called back than wait: due when a specialist of `queue`
    would have answered (the wait estimate when it was asked for)."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    call = models.OneToOneField(
        CallRecord, null=True, blank=True, on_delete=models.PROTECT, related_name="callback"
    )
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    phone = models.CharField(max_length=20)
    queue = models.ForeignKey("routing.Queue", on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    due_at = models.DateTimeField()
    status = models.CharField(
        max_length=10, choices=CallbackStatus.choices, default=CallbackStatus.SCHEDULED
    )
    # The worklist: an agent claims a due callback, then records reached or no answer (a retry
    # is due later, until the attempts run out).
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    interaction = models.ForeignKey(
        "cases.Interaction", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    class Meta:
        indexes = [models.Index(fields=["program", "status", "due_at"])]

    def __str__(self) -> str:
        return f"callback {self.phone} due {self.due_at:%Y-%m-%d %H:%M}"
