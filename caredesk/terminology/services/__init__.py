"""Terminology services: `releases` (loading MedDRA and the open list), `search` (coding)."""
