"""A client library for accessing Infobip SMS delivery reports and logs API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
