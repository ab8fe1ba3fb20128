"""Contains all the data models used in inputs/outputs"""

from .error_message import ErrorMessage
from .known_sms_activity_status import KnownSmsActivityStatus
from .known_sms_recipient_status import KnownSmsRecipientStatus
from .mailer_send_sms_webhook_event import MailerSendSmsWebhookEvent
from .mailer_send_sms_webhook_event_data import MailerSendSmsWebhookEventData
from .mailer_send_sms_webhook_sms import MailerSendSmsWebhookSms
from .mailer_send_webhook_test_event import MailerSendWebhookTestEvent
from .page_links import PageLinks
from .page_meta import PageMeta
from .page_meta_link import PageMetaLink
from .simple_page_links import SimplePageLinks
from .simple_page_meta import SimplePageMeta
from .sms import Sms
from .sms_activity import SmsActivity
from .sms_activity_list import SmsActivityList
from .sms_message import SmsMessage
from .sms_message_list import SmsMessageList
from .sms_message_response import SmsMessageResponse
from .sms_message_summary import SmsMessageSummary
from .sms_number import SmsNumber
from .sms_recipient import SmsRecipient
from .sms_recipient_detail import SmsRecipientDetail
from .sms_recipient_list import SmsRecipientList
from .sms_recipient_response import SmsRecipientResponse
from .sms_recipient_update import SmsRecipientUpdate
from .sms_recipient_update_response import SmsRecipientUpdateResponse
from .sms_webhook import SmsWebhook
from .sms_webhook_create import SmsWebhookCreate
from .sms_webhook_event_name import SmsWebhookEventName
from .sms_webhook_list import SmsWebhookList
from .sms_webhook_response import SmsWebhookResponse
from .sms_webhook_update import SmsWebhookUpdate
from .validation_error import ValidationError
from .validation_error_fields import ValidationErrorFields

__all__ = (
    "ErrorMessage",
    "KnownSmsActivityStatus",
    "KnownSmsRecipientStatus",
    "MailerSendSmsWebhookEvent",
    "MailerSendSmsWebhookEventData",
    "MailerSendSmsWebhookSms",
    "MailerSendWebhookTestEvent",
    "PageLinks",
    "PageMeta",
    "PageMetaLink",
    "SimplePageLinks",
    "SimplePageMeta",
    "Sms",
    "SmsActivity",
    "SmsActivityList",
    "SmsMessage",
    "SmsMessageList",
    "SmsMessageResponse",
    "SmsMessageSummary",
    "SmsNumber",
    "SmsRecipient",
    "SmsRecipientDetail",
    "SmsRecipientList",
    "SmsRecipientResponse",
    "SmsRecipientUpdate",
    "SmsRecipientUpdateResponse",
    "SmsWebhook",
    "SmsWebhookCreate",
    "SmsWebhookEventName",
    "SmsWebhookList",
    "SmsWebhookResponse",
    "SmsWebhookUpdate",
    "ValidationError",
    "ValidationErrorFields",
)
