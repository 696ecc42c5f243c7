"""Django settings. Every value comes from `caredesk.config` (the environment), safe by default."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from caredesk import config

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(config.env_str("CAREDESK_DATA_DIR", str(BASE_DIR / "var")))
DATA_DIR.mkdir(parents=True, exist_ok=True)

ENVIRONMENT = config.env_str("CAREDESK_ENV", "development")
if ENVIRONMENT not in {"development", "test", "production"}:
    raise config.ConfigError(
        f"CAREDESK_ENV={ENVIRONMENT!r} must be development, test or production"
    )
DEBUG = config.env_bool("CAREDESK_DEBUG", ENVIRONMENT == "development")
SECRET_KEY = config.secret_key(debug=ENVIRONMENT != "production")
ALLOWED_HOSTS = [
    h.strip()
    for h in config.env_str("CAREDESK_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "huey.contrib.djhuey",
    "ninja",  # serves the API docs page's Swagger UI from static files, not a CDN
    "caredesk.accounts",
    "caredesk.audit",
    "caredesk.tenancy",
    "caredesk.people",
    "caredesk.routing",
    "caredesk.cases",
    "caredesk.demo",
    "caredesk.safety",
    "caredesk.quality",
    "caredesk.terminology",
    "caredesk.channels",  # label channels_inbox (not `channels`: that is Django Channels)
    "caredesk.channels.email",  # label channels_email
    "caredesk.channels.documents",  # label channels_documents (fax, mail, video)
    "caredesk.channels.sms",  # label channels_sms
    "caredesk.channels.voice",  # label channels_voice (voice and IVR)
    "caredesk.channels.webchat",  # label channels_webchat
    "caredesk.knowledge",
    "caredesk.outreach",
    "caredesk.insights",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "caredesk.audit.middleware.RequestIdMiddleware",
    # SQLite only (removes itself otherwise): queue writing requests on a lock, not busy-waits.
    "caredesk.api_support.sqlite_writes.SqliteWriteSerializationMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "caredesk.accounts.middleware.MfaRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "caredesk.accounts.middleware.SecureHeadersMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "caredesk.urls"
WSGI_APPLICATION = "caredesk.wsgi.application"
ASGI_APPLICATION = "caredesk.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "caredesk" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dataclasses.replace(
        config.parse_database_url(
            config.env_str("CAREDESK_DATABASE_URL", f"sqlite:///{DATA_DIR / 'caredesk.sqlite3'}"),
            BASE_DIR,
        ),
        prepared_statements=config.env_bool("CAREDESK_DB_PREPARED_STATEMENTS", True),
    ).as_django()
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if ENVIRONMENT == "test":
    # Argon2 at full cost makes each test login take ~50 ms; tests prove behaviour, not cost.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "cases:inbox"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions expire after inactivity; a shared workstation must not stay logged in.
SESSION_COOKIE_AGE = config.env_int("CAREDESK_SESSION_SECONDS", 30 * 60, minimum=60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_COOKIES = config.env_bool("CAREDESK_SECURE_COOKIES", ENVIRONMENT == "production")
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGIN_MAX_FAILURES = config.env_int("CAREDESK_LOGIN_MAX_FAILURES", 5, minimum=1)
LOGIN_LOCKOUT_SECONDS = config.env_int("CAREDESK_LOGIN_LOCKOUT_SECONDS", 15 * 60, minimum=1)
# Failed logins one client address may make (any usernames) per lockout window.
LOGIN_IP_MAX_FAILURES = config.env_int("CAREDESK_LOGIN_IP_MAX_FAILURES", 20, minimum=1)
MFA_ISSUER = config.env_str("CAREDESK_MFA_ISSUER", "CareDesk")

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "caredesk" / "static"]
MEDIA_ROOT = Path(config.env_str("CAREDESK_MEDIA_ROOT", str(DATA_DIR / "media")))
MEDIA_URL = "media/"
ATTACHMENT_MAX_BYTES = config.env_int("CAREDESK_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024, 1)
DATA_UPLOAD_MAX_MEMORY_SIZE = ATTACHMENT_MAX_BYTES + 1024 * 1024

# Reporting gateway (caredesk.safety.gateway): "local" drops sent reports in an outbox folder
# and polls an inbox folder; "none" turns sending and polling off. A relative directory is
# taken under CAREDESK_DATA_DIR.
GATEWAY = config.env_str("CAREDESK_GATEWAY", "local").strip().lower()
if GATEWAY not in {"local", "none"}:
    raise config.ConfigError(f"CAREDESK_GATEWAY={GATEWAY!r} must be local or none")
GATEWAY_DIR = DATA_DIR / config.env_str("CAREDESK_GATEWAY_DIR", "gateway")

# Inbound messages (caredesk.channels): how long a worker's claim on an inbox row lasts before
# another worker may take the row over (a worker killed mid-processing is waited out this long).
INBOX_LEASE_SECONDS = config.env_int("CAREDESK_INBOX_LEASE_SECONDS", 300, minimum=1)
# Test environment only: the worker-kill test makes a worker wait here to be killed.
INBOX_TEST_HOLD_FILE = (
    config.env_str("CAREDESK_INBOX_TEST_HOLD_FILE", "") if ENVIRONMENT == "test" else ""
)

# Email channel (caredesk.channels.email). Outbound mail goes through Django's email backend:
# CAREDESK_SMTP_HOST/PORT/USER/PASSWORD/TLS name the relay. Inbound mail arrives on the SMTP
# receiver (`caredesk email serve`) or, when CAREDESK_IMAP_HOST is set, by polling an IMAP
# mailbox each minute; the mailbox serves the program route CAREDESK_IMAP_ADDRESS.
if config.env_str("CAREDESK_EMAIL_BACKEND", ""):
    EMAIL_BACKEND = config.env_str("CAREDESK_EMAIL_BACKEND", "")
# Where the file backend writes (`make run` uses it when no relay is named).
EMAIL_FILE_PATH = config.env_str("CAREDESK_EMAIL_FILE_PATH", str(DATA_DIR / "sent-mail"))
EMAIL_HOST = config.env_str("CAREDESK_SMTP_HOST", "localhost")
EMAIL_PORT = config.env_int("CAREDESK_SMTP_PORT", 25, minimum=1)
EMAIL_HOST_USER = config.env_str("CAREDESK_SMTP_USER", "")
EMAIL_HOST_PASSWORD = config.env_str("CAREDESK_SMTP_PASSWORD", "")
EMAIL_USE_TLS = config.env_bool("CAREDESK_SMTP_TLS", False)
EMAIL_TIMEOUT = config.env_int("CAREDESK_SMTP_TIMEOUT", 30, minimum=1)
DEFAULT_FROM_EMAIL = config.env_str("CAREDESK_SMTP_FROM", "caredesk@localhost")
EMAIL_MESSAGE_ID_DOMAIN = config.env_str("CAREDESK_EMAIL_DOMAIN", "caredesk.local")
EMAIL_INBOUND_MAX_BYTES = config.env_int("CAREDESK_EMAIL_MAX_BYTES", 32 * 1024 * 1024, 1024)
# Fax goes out through a drop folder (a fax gateway or a person sends it); video call links.
FAX_OUTBOX_DIR = Path(config.env_str("CAREDESK_FAX_OUTBOX_DIR", str(DATA_DIR / "fax-outbox")))
VIDEO_BASE_URL = config.env_str("CAREDESK_VIDEO_BASE_URL", "https://meet.jit.si")
IMAP_HOST = config.env_str("CAREDESK_IMAP_HOST", "")
IMAP_PORT = config.env_int("CAREDESK_IMAP_PORT", 993, minimum=1)
IMAP_SSL = config.env_bool("CAREDESK_IMAP_SSL", True)
IMAP_USER = config.env_str("CAREDESK_IMAP_USER", "")
IMAP_PASSWORD = config.env_str("CAREDESK_IMAP_PASSWORD", "")
IMAP_FOLDER = config.env_str("CAREDESK_IMAP_FOLDER", "INBOX")
IMAP_DONE_FOLDER = config.env_str("CAREDESK_IMAP_DONE_FOLDER", "")
IMAP_ADDRESS = config.env_str("CAREDESK_IMAP_ADDRESS", "").strip().lower()
if IMAP_HOST and not IMAP_ADDRESS:
    raise config.ConfigError("CAREDESK_IMAP_HOST is set: CAREDESK_IMAP_ADDRESS must name a route")

# SMS/WhatsApp channel (caredesk.channels.sms). Webhook signatures are checked against the URL
# Twilio called: behind a proxy, set CAREDESK_SMS_PUBLIC_BASE_URL (https://care.example.com);
# status callbacks are requested only when it is set. The local provider (the default) writes
# outbound messages to CAREDESK_SMS_OUTBOX_DIR/outbox.jsonl.
SMS_PUBLIC_BASE_URL = config.env_str("CAREDESK_SMS_PUBLIC_BASE_URL", "").rstrip("/")
if SMS_PUBLIC_BASE_URL and not SMS_PUBLIC_BASE_URL.startswith(("https://", "http://")):
    raise config.ConfigError("CAREDESK_SMS_PUBLIC_BASE_URL must start with https://")
SMS_TWILIO_API_BASE = config.env_str("CAREDESK_TWILIO_API_BASE", "https://api.twilio.com")
# Twilio's Content API (WhatsApp template approval status: `caredesk sms sync-templates`).
SMS_TWILIO_CONTENT_BASE = config.env_str(
    "CAREDESK_TWILIO_CONTENT_BASE", "https://content.twilio.com"
)
SMS_SEND_TIMEOUT = config.env_int("CAREDESK_SMS_SEND_TIMEOUT", 10, minimum=1)
SMS_OUTBOX_DIR = DATA_DIR / config.env_str("CAREDESK_SMS_OUTBOX_DIR", "sms-outbox")
# Inbound MMS/WhatsApp media (MediaUrlN) is fetched only from these hosts (comma-separated):
# a signed webhook still must not make us fetch an arbitrary URL.
SMS_MEDIA_HOSTS = frozenset(
    h.strip().lower()
    for h in config.env_str("CAREDESK_SMS_MEDIA_HOSTS", "api.twilio.com").split(",")
    if h.strip()
)

REDIS_URL = config.env_str("CAREDESK_REDIS_URL", "")
HUEY_IMMEDIATE = config.env_bool("CAREDESK_TASKS_IMMEDIATE", ENVIRONMENT == "test")
if REDIS_URL:
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": "caredesk",
        "url": REDIS_URL,
        "immediate": HUEY_IMMEDIATE,
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "caredesk",
        "filename": str(DATA_DIR / "tasks.sqlite3"),
        "immediate": HUEY_IMMEDIATE,
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "caredesk.log.StderrHandler"}},
    "root": {"handlers": ["console"], "level": config.env_str("CAREDESK_LOG_LEVEL", "INFO")},
}
