"""Serve CareDesk on Django's threaded WSGI server with TCP_NODELAY, for the intake benchmark.

`python -m bench.server PORT` builds the server exactly as `caredesk runserver` does
(`django.core.servers.basehttp.run(threading=True)`: Django's `WSGIServer` + `ThreadingMixIn`,
a thread per connection, keep-alive) with the project's WSGI application, on 127.0.0.1 only. The one
difference: accepted sockets get TCP_NODELAY. The stock handler writes the status line and
headers and then the body in separate small writes; with Nagle's algorithm on, the body waits
for the client's delayed ACK, which adds a constant ~40 ms to every keep-alive response on
Linux and would swamp what the benchmark means to measure. Production servers (gunicorn,
granian behind a proxy) do not show that stall.
"""

from __future__ import annotations

import os
import socket
import socketserver
import sys
from typing import cast


def main(argv: list[str]) -> int:
    port = int(argv[0])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caredesk.settings")
    import django

    django.setup()
    from django.core.servers.basehttp import (
        WSGIRequestHandler,
        WSGIServer,
        get_internal_wsgi_application,
    )

    class NoDelayHandler(WSGIRequestHandler):
        def setup(self) -> None:
            super().setup()
            sock = cast(socket.socket, self.connection)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    server_cls = type("WSGIServer", (socketserver.ThreadingMixIn, WSGIServer), {})
    httpd = server_cls(("127.0.0.1", port), NoDelayHandler)
    httpd.daemon_threads = True
    httpd.set_app(get_internal_wsgi_application())
    httpd.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
