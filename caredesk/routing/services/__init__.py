"""Routing use cases: SLA clocks, queue choice."""
