"""People use cases: contact points, persons and organizations, search."""
