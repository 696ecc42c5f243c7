"""Quality services: complaints (`complaints`) and tampering alerts (`tampering`)."""
