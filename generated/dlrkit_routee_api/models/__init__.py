"""Contains all the data models used in inputs/outputs"""

from .access_token import AccessToken
from .grant_type import GrantType
from .known_detailed_status import KnownDetailedStatus
from .known_direction import KnownDirection
from .known_routee_callback_strategy import KnownRouteeCallbackStrategy
from .known_routee_campaign_status import KnownRouteeCampaignStatus
from .known_sms_status import KnownSmsStatus
from .o_auth_error import OAuthError
from .routee_campaign_callback import RouteeCampaignCallback
from .routee_campaign_callback_info import RouteeCampaignCallbackInfo
from .routee_campaign_callback_message_statuses import (
    RouteeCampaignCallbackMessageStatuses,
)
from .routee_error import RouteeError
from .routee_error_properties import RouteeErrorProperties
from .routee_sms_callback import RouteeSmsCallback
from .routee_sms_callback_status import RouteeSmsCallbackStatus
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
    "KnownRouteeCallbackStrategy",
    "KnownRouteeCampaignStatus",
    "KnownSmsStatus",
    "OAuthError",
    "RouteeCampaignCallback",
    "RouteeCampaignCallbackInfo",
    "RouteeCampaignCallbackMessageStatuses",
    "RouteeError",
    "RouteeErrorProperties",
    "RouteeSmsCallback",
    "RouteeSmsCallbackStatus",
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
