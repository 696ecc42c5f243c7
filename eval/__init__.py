"""Evaluation of the safety screener on labelled sets kept in the repository (`make eval`)."""
