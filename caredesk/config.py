"""Typed settings read from the environment.

Every knob has a safe default for one machine (`make run`); a malformed value fails at startup
with a message naming the variable, rather than surfacing later as a confusing runtime error.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

DEV_SECRET = "caredesk-development-secret-not-for-production"  # noqa: S105


class ConfigError(RuntimeError):
    """A setting in the environment cannot be used."""


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name}={raw!r} is not a boolean (use true/false)")


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not an integer") from None
    if value < minimum:
        raise ConfigError(f"{name}={value} is below the minimum {minimum}")
    return value


@dataclass(frozen=True)
class DatabaseConfig:
    engine: str
    name: str
    user: str = ""
    password: str = ""
    host: str = ""
    port: str = ""
    # The few hot statements that ask for it (`caredesk.db_rows.run_statement`) are prepared
    # once per connection; off for a pooler that cannot carry prepared statements.
    prepared_statements: bool = True

    def as_django(self) -> dict[str, object]:
        if self.engine == "sqlite":
            return {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": self.name,
                "OPTIONS": {
                    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                    "transaction_mode": "IMMEDIATE",
                    "timeout": 20,
                },
                "TEST": {"NAME": os.environ.get("CAREDESK_TEST_SQLITE_NAME") or None},
                # Reopening SQLite per request re-reads the schema and runs the PRAGMAs each
                # time; a kept connection avoids that (each thread keeps its own).
                "CONN_MAX_AGE": 600,
                "CONN_HEALTH_CHECKS": True,
            }
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": self.name,
            "USER": self.user,
            "PASSWORD": self.password,
            "HOST": self.host,
            "PORT": self.port,
            "CONN_MAX_AGE": 60,
            # Django's own cursors bind on the client and never prepare; only a statement run
            # with `prepare=True` is prepared (None would switch preparing off altogether).
            "OPTIONS": {"prepare_threshold": 2**31 - 1 if self.prepared_statements else None},
        }


def parse_database_url(url: str, base_dir: Path) -> DatabaseConfig:
    """Accept `sqlite:///relative/or/absolute.db` or `postgres://user:pw@host:port/name`."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path.lstrip("/")) if parsed.netloc == "" else parsed.netloc
        if url.startswith("sqlite:////"):
            path = unquote(parsed.path)
        if not path:
            raise ConfigError(f"CAREDESK_DATABASE_URL={url!r} names no SQLite file")
        full = Path(path) if Path(path).is_absolute() else base_dir / path
        return DatabaseConfig(engine="sqlite", name=str(full))
    if parsed.scheme in {"postgres", "postgresql"}:
        name = parsed.path.lstrip("/")
        if not name:
            raise ConfigError(f"CAREDESK_DATABASE_URL={url!r} names no database")
        return DatabaseConfig(
            engine="postgresql",
            name=name,
            user=unquote(parsed.username or ""),
            password=unquote(parsed.password or ""),
            host=parsed.hostname or "",
            port=str(parsed.port or ""),
        )
    raise ConfigError(
        f"CAREDESK_DATABASE_URL={url!r}: unsupported scheme (use sqlite:/// or postgres://)"
    )


def secret_key(debug: bool) -> str:
    """Refuse the development secret outside development: a leaked default signs sessions."""
    key = os.environ.get("CAREDESK_SECRET_KEY", "")
    if key:
        if len(key) < 32:
            raise ConfigError("CAREDESK_SECRET_KEY must be at least 32 characters")
        return key
    if not debug:
        raise ConfigError("CAREDESK_SECRET_KEY is required when CAREDESK_DEBUG is false")
    return DEV_SECRET
