"""Reporting gateways: where signed submissions go out and partner ICSRs and ACKs come in.

`get_gateway()` picks the adapter named by settings (CAREDESK_GATEWAY): "local" is the
file-drop adapter rooted at CAREDESK_GATEWAY_DIR; "none" means no gateway (reports are marked
sent by hand after an upload elsewhere, and nothing is polled).
"""

from __future__ import annotations

from django.conf import settings

from caredesk.safety.gateway.base import Gateway, GatewayError
from caredesk.safety.gateway.local import LocalFileDropGateway

__all__ = ["Gateway", "GatewayError", "LocalFileDropGateway", "get_gateway"]


def get_gateway() -> Gateway | None:
    """The configured gateway adapter, or None when CAREDESK_GATEWAY=none."""
    kind = getattr(settings, "GATEWAY", "none")
    if kind == "local":
        return LocalFileDropGateway(settings.GATEWAY_DIR)
    return None
