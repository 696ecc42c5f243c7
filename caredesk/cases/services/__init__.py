"""Case use cases: opening, logging contacts, requests, status, assignment, timeline."""
