"""Safety services: from a screener flag to a safety case or complaint, clocks and reconciliation.

Modules by use case: `intake` (screen each saved interaction), `findings` (confirm, dismiss, add,
"nothing to report", the close check), `safety_cases` (criteria, day zero, hand-off to PV),
`clocks` (deadlines), `follow_up`, `duplicates`, `reconciliation`.
"""
