"""A client library for accessing MailerSend SMS delivery tracking"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
