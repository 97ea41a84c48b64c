"""Assonant's data objects (pydantic models) as the gateway's full form.

Assonant's own ``.json()`` loses units, attributes and timestamps; this dumps
the whole model instead (``model_dump()``, or ``dict()`` on pydantic 1) and
adds the ``class`` of each component from its Python type name, down through
the subcomponents. Plain dicts pass unchanged."""
from __future__ import annotations

from typing import Any, Dict, Mapping


def _dump(obj: Any) -> Dict[str, Any]:
    if hasattr(obj, "model_dump"):
        return dict(obj.model_dump())
    if hasattr(obj, "dict"):
        return dict(obj.dict())
    raise TypeError(f"{type(obj).__name__} is neither a dict nor an Assonant data object")


def _is_component(obj: Any) -> bool:
    return hasattr(obj, "subcomponents") and hasattr(obj, "fields")


def _add_classes(obj: Any, data: Dict[str, Any]) -> None:
    """Gives each component of ``data`` the class of the object it was dumped from."""
    data.setdefault("class", type(obj).__name__)
    subcomponents = getattr(obj, "subcomponents", None) or {}
    dumped = data.get("subcomponents") or {}
    for name, child in subcomponents.items():
        if name in dumped and _is_component(child):
            _add_classes(child, dumped[name])


def full_form(obj: Any) -> Dict[str, Any]:
    """An Entry or a Component (an Assonant object or a dict) as the gateway's full form."""
    if isinstance(obj, Mapping):
        return dict(obj)
    data = _dump(obj)
    if hasattr(obj, "beamline") and _is_component(getattr(obj, "beamline")):
        _add_classes(obj.beamline, data["beamline"])
    elif _is_component(obj):
        _add_classes(obj, data)
    return data
