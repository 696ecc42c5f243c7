"""What the findings panel of one interaction shows: its screening, its findings with their
evidence in context, and whether a person has disposed of it. Read-only."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from caredesk.cases.models import Interaction
from caredesk.safety.models import Finding, FindingStatus, ScreeningRecord
from caredesk.safety.services.intake import screening_text

CONTEXT_CHARS = 45


@dataclass
class FindingRow:
    finding: Finding
    snippets: list[SafeString] = field(default_factory=list)

    @property
    def open(self) -> bool:
        return self.finding.status == FindingStatus.FLAGGED


@dataclass
class Panel:
    interaction: Interaction
    screening: ScreeningRecord | None
    rows: list[FindingRow]

    @property
    def needs_decision(self) -> bool:
        if self.rows:
            return any(r.open for r in self.rows)
        return self.screening is None or self.screening.cleared_at is None


def highlight(text: str, spans: list[dict[str, Any]], context: int = CONTEXT_CHARS) -> SafeString:
    """The text around the spans, each span in <mark> (everything else escaped)."""
    spans = sorted(
        (s for s in spans if 0 <= int(s.get("start", -1)) < int(s.get("end", -1)) <= len(text)),
        key=lambda s: int(s["start"]),
    )
    if not spans:
        return mark_safe("")
    lo = max(0, int(spans[0]["start"]) - context)
    hi = min(len(text), int(spans[-1]["end"]) + context)
    out, pos = ["…" if lo else ""], lo
    for span in spans:
        start, end = int(span["start"]), int(span["end"])
        if start < pos:
            continue
        label = escape(str(span.get("label", "")))
        out += [escape(text[pos:start]), f'<mark title="{label}">', escape(text[start:end])]
        out.append("</mark>")
        pos = end
    out += [escape(text[pos:hi]), "…" if hi < len(text) else ""]
    return mark_safe("".join(out))  # every piece of text is escaped above


def snippets(finding: Finding, text: str) -> list[SafeString]:
    """One highlighted excerpt per group of nearby spans (far apart spans get their own)."""
    groups: list[list[dict[str, Any]]] = []
    for span in sorted(finding.evidence or [], key=lambda s: int(s.get("start", 0))):
        if groups and int(span.get("start", 0)) - int(groups[-1][-1].get("end", 0)) < 80:
            groups[-1].append(span)
        else:
            groups.append([span])
    return [h for h in (highlight(text, g) for g in groups) if h]


def interaction_panel(interaction: Interaction) -> Panel:
    """The panel of one interaction (the caller has already access-checked its case)."""
    screening = ScreeningRecord.objects.filter(interaction=interaction).first()
    findings = list(
        Finding.objects.filter(interaction=interaction)
        .select_related("decided_by", "safety_case")
        .order_by("pk")
    )
    text = screening_text(interaction) if findings else ""
    rows = [FindingRow(f, snippets(f, text)) for f in findings]
    return Panel(interaction=interaction, screening=screening, rows=rows)
