from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_routee_callback_strategy import KnownRouteeCallbackStrategy
from ..types import UNSET, Unset

T = TypeVar("T", bound="RouteeCampaignCallbackInfo")

# Open enums (`KnownX | str`): the value -> member map that KnownX(value) looks up first.
_KNOWN_ROUTEE_CALLBACK_STRATEGY_BY_VALUE: dict[str, KnownRouteeCallbackStrategy] = cast(
    "dict[str, KnownRouteeCallbackStrategy]",
    KnownRouteeCallbackStrategy._value2member_map_,
)

# The keys from_dict maps to attributes; every other key goes to additional_properties.
_PROPERTY_NAMES: frozenset[str] = frozenset(
    {
        "url",
        "strategy",
    }
)


@_attrs_define
class RouteeCampaignCallbackInfo:
    """The campaign callback's own settings, echoed back.

    Attributes:
        url (str | Unset):
        strategy (KnownRouteeCallbackStrategy | str | Unset):
    """

    url: str | Unset = UNSET
    strategy: KnownRouteeCallbackStrategy | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        strategy: str | Unset
        if isinstance(self.strategy, Unset):
            strategy = UNSET
        elif isinstance(self.strategy, KnownRouteeCallbackStrategy):
            strategy = self.strategy.value
        else:
            strategy = self.strategy

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if strategy is not UNSET:
            field_dict["strategy"] = strategy

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        # Read a dict in place (no copy); convert anything else as dict() always did.
        d = src_dict if type(src_dict) is dict else dict(src_dict)
        url = d.get("url", UNSET)

        _strategy = d.get("strategy", UNSET)
        strategy = (
            _KNOWN_ROUTEE_CALLBACK_STRATEGY_BY_VALUE.get(_strategy, _strategy)
            if isinstance(_strategy, str)
            else _strategy
        )

        # Positional, in the order the class declares its fields (required ones first):
        # matching 15 keywords by name cost more than building the rest of a small model.
        routee_campaign_callback_info = cls(
            url,
            strategy,
        )

        # The common case, no unknown keys, keeps the empty dict __init__ made.
        if not _PROPERTY_NAMES.issuperset(d):
            routee_campaign_callback_info.additional_properties = {
                k: v for k, v in d.items() if k not in _PROPERTY_NAMES
            }
        return routee_campaign_callback_info

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
