"""E2B(R3) ICSR library: data classes, XML writer/reader, validation and FDA ACK parsing.

No database here: the SafetyCase models map into :mod:`caredesk.safety.e2b.model`.
"""
