"""A client library for accessing sent.dm API v3 (message status, activities, contacts)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
