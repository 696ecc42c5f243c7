"""Safety: screening every interaction for adverse events, special situations and complaints."""
