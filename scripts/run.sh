#!/usr/bin/env bash
# `make run`: migrate, load the demo once, start the worker and the web server on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
export CAREDESK_ENV=${CAREDESK_ENV:-development}
# Without a relay (CAREDESK_SMTP_HOST), outgoing mail (acknowledgements, replies) is written to
# files instead of failing against a port 25 nobody listens on.
if [ -z "${CAREDESK_SMTP_HOST:-}" ]; then
  export CAREDESK_EMAIL_BACKEND=${CAREDESK_EMAIL_BACKEND:-django.core.mail.backends.filebased.EmailBackend}
fi
bin=.venv/bin
$bin/caredesk migrate --no-input >/dev/null
$bin/caredesk safety load-rules >/dev/null   # a new rule version only when rules.yaml changed
$bin/caredesk collectstatic --no-input >/dev/null
$bin/caredesk demo --if-empty
$bin/caredesk run_huey --workers 2 >var/worker.log 2>&1 &
worker=$!
smtp_port=${CAREDESK_SMTP_LISTEN_PORT:-2525}
$bin/caredesk email serve --port "$smtp_port" >var/smtp.log 2>&1 &
receiver=$!
port=${CAREDESK_PORT:-8000}
cat <<MSG

  CareDesk is starting on http://127.0.0.1:$port/

  Log in as agent.relief / CareDesk-demo-2026   (care specialist, OTC analgesic program)
  Every demo user and password is listed in docs/demo-users.md.
  Mail to care@<program code>.example.com via SMTP on 127.0.0.1:$smtp_port lands on cases;
  outgoing mail goes to ${CAREDESK_SMTP_HOST:-files under the data directory (sent-mail/)}.
  Background worker log: var/worker.log; SMTP receiver log: var/smtp.log. Stop with Ctrl-C.

MSG
# Not `exec`: this shell stays to stop the worker when the server ends (Ctrl-C or a signal).
trap 'kill $worker $receiver 2>/dev/null || true' EXIT INT TERM
$bin/caredesk runserver "127.0.0.1:$port" --noreload
