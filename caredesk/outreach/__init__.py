"""Outreach: the consent ledger (who may be messaged, for what, on which channel).

Campaigns, call lists, appointments, reminders and privacy requests belong here too (design.md);
for now the app holds the ledger and the guard every outbound path asks before sending.
"""
