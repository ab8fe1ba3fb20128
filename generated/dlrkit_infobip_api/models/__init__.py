"""Contains all the data models used in inputs/outputs"""

from .api_error_response import ApiErrorResponse
from .infobip_delivery_report_callback_platform import (
    InfobipDeliveryReportCallbackPlatform,
)
from .infobip_delivery_report_callback_v3 import InfobipDeliveryReportCallbackV3
from .infobip_delivery_report_callback_v3_report import (
    InfobipDeliveryReportCallbackV3Report,
)
from .known_sms_error_group_name import KnownSmsErrorGroupName
from .known_sms_status_group_name import KnownSmsStatusGroupName
from .known_sms_status_name import KnownSmsStatusName
from .request_error import RequestError
from .service_exception import ServiceException
from .sms_error import SmsError
from .sms_price import SmsPrice
from .sms_report import SmsReport
from .sms_reports_response import SmsReportsResponse
from .sms_status import SmsStatus
from .validation_errors import ValidationErrors

__all__ = (
    "ApiErrorResponse",
    "InfobipDeliveryReportCallbackPlatform",
    "InfobipDeliveryReportCallbackV3",
    "InfobipDeliveryReportCallbackV3Report",
    "KnownSmsErrorGroupName",
    "KnownSmsStatusGroupName",
    "KnownSmsStatusName",
    "RequestError",
    "ServiceException",
    "SmsError",
    "SmsPrice",
    "SmsReport",
    "SmsReportsResponse",
    "SmsStatus",
    "ValidationErrors",
)
