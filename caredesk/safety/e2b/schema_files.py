"""Where the ICH E2B(R3) XSD files are, and the compiled schemas (loaded once per process)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from lxml import etree

ENV_VAR = "CAREDESK_E2B_SCHEMA_DIR"
BATCH_ROOT = "multicacheschemas/MCCI_IN200100UV01.xsd"
ACK_ROOT = "multicacheschemas/MCCI_IN200101UV01.xsd"
VENDORED_DIR = Path(__file__).resolve().parent / "schema"
REPO_DIR = Path(__file__).resolve().parents[3]
SHARED_DIR = REPO_DIR.parent / "shared" / "data" / "e2b_r3" / "schema"
# FDA's published example ICSRs and ACKs (public domain): tests, demos and partner-import trials.
EXAMPLES_DIR = Path(__file__).resolve().parent / "examples"


class SchemaNotFound(RuntimeError):
    """No usable E2B(R3) schema directory (names the places that were tried)."""


def schema_dir() -> Path:
    """$CAREDESK_E2B_SCHEMA_DIR, else the vendored copy, else <repo>/../shared/.../schema."""
    configured = os.environ.get(ENV_VAR, "").strip()
    candidates = [Path(configured)] if configured else [VENDORED_DIR, SHARED_DIR]
    for candidate in candidates:
        if (candidate / BATCH_ROOT).is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise SchemaNotFound(f"no {BATCH_ROOT} under {tried} (set {ENV_VAR})")


@lru_cache(maxsize=4)
def _compiled(path: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(path, parser))


def batch_schema() -> etree.XMLSchema:
    """The ICSR batch schema (MCCI_IN200100UV01)."""
    return _compiled(str(schema_dir() / BATCH_ROOT))


def ack_schema() -> etree.XMLSchema:
    """The acknowledgement batch schema (MCCI_IN200101UV01)."""
    return _compiled(str(schema_dir() / ACK_ROOT))
