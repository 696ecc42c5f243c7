"""TwiML documents built as XML trees (xml.etree), never by string concatenation, so that any
text a program admin or a caller supplied is escaped by the serializer.

`Voice` carries the language and voice every <Say> (and speech <Gather>) uses.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


@dataclass(frozen=True)
class Voice:
    language: str = "en-US"
    voice: str = "Polly.Joanna"


class TwiML:
    """One <Response> under construction; `str()` gives the document."""

    def __init__(self, voice: Voice | None = None) -> None:
        self.root = ET.Element("Response")
        self.voice = voice or Voice()

    def say(self, text: str, parent: ET.Element | None = None) -> TwiML:
        if text.strip():
            attrs = {"language": self.voice.language, "voice": self.voice.voice}
            ET.SubElement(self.root if parent is None else parent, "Say", attrs).text = text
        return self

    def pause(self, seconds: int, parent: ET.Element | None = None) -> TwiML:
        ET.SubElement(self.root if parent is None else parent, "Pause", {"length": str(seconds)})
        return self

    def gather(self, action: str, *, speech: bool = True, **attrs: str) -> ET.Element:
        """A <Gather> posting to `action`; add <Say> prompts inside it with `say(..., parent)`."""
        values = {
            "action": action,
            "method": "POST",
            "input": "dtmf speech" if speech else "dtmf",
            **attrs,
        }
        if speech:
            values.setdefault("language", self.voice.language)
            values.setdefault("speechTimeout", "auto")
        return ET.SubElement(self.root, "Gather", values)

    def enqueue(self, name: str, *, wait_url: str, action: str) -> TwiML:
        attrs = {"waitUrl": wait_url, "waitUrlMethod": "POST", "action": action, "method": "POST"}
        ET.SubElement(self.root, "Enqueue", attrs).text = name
        return self

    def record(self, *, action: str, status_callback: str, max_length: int) -> TwiML:
        attrs = {
            "action": action,
            "method": "POST",
            "maxLength": str(max_length),
            "playBeep": "true",
            "finishOnKey": "#",
            "recordingStatusCallback": status_callback,
            "recordingStatusCallbackMethod": "POST",
        }
        ET.SubElement(self.root, "Record", attrs)
        return self

    def redirect(self, url: str) -> TwiML:
        ET.SubElement(self.root, "Redirect", {"method": "POST"}).text = url
        return self

    def leave(self) -> TwiML:
        ET.SubElement(self.root, "Leave")
        return self

    def hangup(self) -> TwiML:
        ET.SubElement(self.root, "Hangup")
        return self

    def __str__(self) -> str:
        return XML_DECLARATION + ET.tostring(self.root, encoding="unicode")
