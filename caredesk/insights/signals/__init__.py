"""Signal detection: disproportionality scores (`disproportionality`) and nascent-problem trend
alerts (`trend`). Both are plain functions over rows; the `caredesk signals` command, the
periodic tasks and the review pages call them."""
