"""Terminology: coded event terms (a customer's licensed MedDRA release, or the open list)."""
