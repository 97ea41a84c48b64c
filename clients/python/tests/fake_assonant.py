"""Stand-ins for Assonant's pydantic data classes (Assonant cannot be installed
here): objects with ``model_dump()`` and the same attributes, built from the
example payloads, so the client meets what a beamline's code hands it."""
from typing import Any, Dict


class _Model:
    def __init__(self, **fields: Any) -> None:
        self.__dict__.update(fields)

    def model_dump(self) -> Dict[str, Any]:
        def dump(value: Any) -> Any:
            if isinstance(value, _Model):
                return value.model_dump()
            if isinstance(value, dict):
                return {k: dump(v) for k, v in value.items()}
            if isinstance(value, list):
                return [dump(v) for v in value]
            return value

        return {k: dump(v) for k, v in self.__dict__.items()}


class Entry(_Model):
    pass


class ExperimentDone(_Model):
    pass


CLASSES: Dict[str, type] = {}


def component_class(name: str) -> type:
    """The Assonant class of that name (Monochromator, Detector, ...)."""
    if name not in CLASSES:
        CLASSES[name] = type(name, (_Model,), {})
    return CLASSES[name]


def component(data: Dict[str, Any]) -> _Model:
    """A component object from its full-form dict; the dict's ``class`` names its Python type."""
    fields = {k: v for k, v in data.items() if k != "class"}
    fields["subcomponents"] = {
        name: component(child) for name, child in (data.get("subcomponents") or {}).items()
    }
    fields.setdefault("fields", {})
    fields.setdefault("positions", {})
    return component_class(data.get("class", "Beamline"))(**fields)


def entry(data: Dict[str, Any]) -> Entry:
    return Entry(name=data["name"], beamline=component(data["beamline"]), fields=data.get("fields", {}))
