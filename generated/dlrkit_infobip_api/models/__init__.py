"""Contains all the data models used in inputs/outputs"""

from .api_error_response import ApiErrorResponse
from .known_sms_error_group_name import KnownSmsErrorGroupName
from .known_sms_status_group_name import KnownSmsStatusGroupName
from .known_sms_status_name import KnownSmsStatusName
from .request_error import RequestError
from .service_exception import ServiceException
from .sms_api_error_v3 import SmsApiErrorV3
from .sms_api_error_v3_resource import SmsApiErrorV3Resource
from .sms_api_error_v3_violation import SmsApiErrorV3Violation
from .sms_error import SmsError
from .sms_log_v1 import SmsLogV1
from .sms_log_v3 import SmsLogV3
from .sms_log_v3_binary_content import SmsLogV3BinaryContent
from .sms_log_v3_text_content import SmsLogV3TextContent
from .sms_logs_v1_response import SmsLogsV1Response
from .sms_logs_v3_cursor import SmsLogsV3Cursor
from .sms_logs_v3_response import SmsLogsV3Response
from .sms_platform_v3 import SmsPlatformV3
from .sms_price import SmsPrice
from .sms_report import SmsReport
from .sms_report_v3 import SmsReportV3
from .sms_reports_response import SmsReportsResponse
from .sms_reports_v3_response import SmsReportsV3Response
from .sms_status import SmsStatus
from .validation_errors import ValidationErrors

__all__ = (
    "ApiErrorResponse",
    "KnownSmsErrorGroupName",
    "KnownSmsStatusGroupName",
    "KnownSmsStatusName",
    "RequestError",
    "ServiceException",
    "SmsApiErrorV3",
    "SmsApiErrorV3Resource",
    "SmsApiErrorV3Violation",
    "SmsError",
    "SmsLogV1",
    "SmsLogV3",
    "SmsLogV3BinaryContent",
    "SmsLogV3TextContent",
    "SmsLogsV1Response",
    "SmsLogsV3Cursor",
    "SmsLogsV3Response",
    "SmsPlatformV3",
    "SmsPrice",
    "SmsReport",
    "SmsReportV3",
    "SmsReportsResponse",
    "SmsReportsV3Response",
    "SmsStatus",
    "ValidationErrors",
)
