"""Quality: product complaints, tampering and counterfeit escalation."""
