"""Account services: login with lockout, the second factor, API tokens."""
