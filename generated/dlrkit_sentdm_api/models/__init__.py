"""Contains all the data models used in inputs/outputs"""

from .api_error import ApiError
from .api_meta import ApiMeta
from .contact import Contact
from .contact_list import ContactList
from .contact_list_envelope import ContactListEnvelope
from .error_envelope import ErrorEnvelope
from .error_field_details import ErrorFieldDetails
from .header_media import HeaderMedia
from .known_error_code import KnownErrorCode
from .known_header_media_type import KnownHeaderMediaType
from .known_message_status import KnownMessageStatus
from .known_sent_dm_message_event_type import KnownSentDmMessageEventType
from .known_sent_dm_webhook_field import KnownSentDmWebhookField
from .message import Message
from .message_activities import MessageActivities
from .message_activities_envelope import MessageActivitiesEnvelope
from .message_activity import MessageActivity
from .message_body import MessageBody
from .message_button import MessageButton
from .message_envelope import MessageEnvelope
from .message_event import MessageEvent
from .message_media import MessageMedia
from .pagination_cursors import PaginationCursors
from .pagination_meta import PaginationMeta
from .sent_dm_webhook_message_event import SentDmWebhookMessageEvent
from .sent_dm_webhook_message_payload import SentDmWebhookMessagePayload

__all__ = (
    "ApiError",
    "ApiMeta",
    "Contact",
    "ContactList",
    "ContactListEnvelope",
    "ErrorEnvelope",
    "ErrorFieldDetails",
    "HeaderMedia",
    "KnownErrorCode",
    "KnownHeaderMediaType",
    "KnownMessageStatus",
    "KnownSentDmMessageEventType",
    "KnownSentDmWebhookField",
    "Message",
    "MessageActivities",
    "MessageActivitiesEnvelope",
    "MessageActivity",
    "MessageBody",
    "MessageButton",
    "MessageEnvelope",
    "MessageEvent",
    "MessageMedia",
    "PaginationCursors",
    "PaginationMeta",
    "SentDmWebhookMessageEvent",
    "SentDmWebhookMessagePayload",
)
