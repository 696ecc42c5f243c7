"""A helper process for the worker-kill test (not a test module).

`python -m caredesk.channels.tests.worker_probe store PROGRAM_ID USER_ID MARKER` stores one
inbound message through the inbox service, as an adapter would, in the environment of the
worker under test (its database, its task store, tasks enqueued rather than run inline), and
prints the row's id. `... status INBOUND_ID MARKER` prints the row's state and how many
interactions carry the marker text, as JSON.
"""

from __future__ import annotations

import json
import os
import sys


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caredesk.settings")
    import django

    django.setup()
    from caredesk.accounts.models import User
    from caredesk.cases.models import Interaction
    from caredesk.channels.message import InboundMessageData
    from caredesk.channels.models import InboundMessage
    from caredesk.channels.services.inbox import store_inbound

    if argv[0] == "store":
        user = User.objects.get(pk=int(argv[2]))
        data = InboundMessageData(
            channel="sms",
            provider="twilio",
            provider_message_id=f"kill-test-{argv[3]}",
            from_phone="+12025550143",
            body=f"{argv[3]}: I got a bad rash after Relievium.",
        )
        row, _ = store_inbound(int(argv[1]), data, acting_user=user)
        print(json.dumps({"id": row.pk}))
        return 0
    row = InboundMessage.objects.system_scope().get(pk=int(argv[1]))
    found = Interaction.objects.system_scope().filter(body__startswith=argv[2])
    state = {
        "status": row.status,
        "attempts": row.attempts,
        "interaction_id": row.interaction_id,
        "interactions": list(found.values_list("pk", flat=True)),
        "last_error": row.last_error,
    }
    print(json.dumps(state))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
