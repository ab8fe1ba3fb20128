"""Contains all the data models used in inputs/outputs"""

from .access_token import AccessToken
from .grant_type import GrantType
from .known_detailed_status import KnownDetailedStatus
from .known_direction import KnownDirection
from .known_sms_status import KnownSmsStatus
from .o_auth_error import OAuthError
from .routee_error import RouteeError
from .routee_error_properties import RouteeErrorProperties
from .search_operator import SearchOperator
from .sms_part_tracking import SmsPartTracking
from .sms_status import SmsStatus
from .sms_tracking import SmsTracking
from .sms_tracking_base import SmsTrackingBase
from .sms_tracking_page import SmsTrackingPage
from .status_reason import StatusReason
from .token_request import TokenRequest
from .tracking_filter import TrackingFilter
from .tracking_filter_field import TrackingFilterField

__all__ = (
    "AccessToken",
    "GrantType",
    "KnownDetailedStatus",
    "KnownDirection",
    "KnownSmsStatus",
    "OAuthError",
    "RouteeError",
    "RouteeErrorProperties",
    "SearchOperator",
    "SmsPartTracking",
    "SmsStatus",
    "SmsTracking",
    "SmsTrackingBase",
    "SmsTrackingPage",
    "StatusReason",
    "TokenRequest",
    "TrackingFilter",
    "TrackingFilterField",
)
