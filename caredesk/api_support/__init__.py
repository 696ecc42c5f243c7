"""Shared pieces of the REST API: authentication, the error shape, pagination, input types."""
