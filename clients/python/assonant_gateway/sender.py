"""A drop-in for Assonant's Kafka data sender: the same ``send_data(obj)``
call, to the gateway. An ``Entry`` is staged in the current scan (opened on
first use); an ``ExperimentDone`` closes it, and the next Entry opens the next
scan. For a beamline, swapping senders is a one-line change."""
from __future__ import annotations

from typing import Any, Mapping, Optional

from .gateway import Gateway, Json
from .full_form import full_form


def _kind(obj: Any) -> str:
    if isinstance(obj, Mapping):
        if "filepath" in obj:
            return "ExperimentDone"
        return "Entry" if "beamline" in obj and "name" in obj else "other"
    return type(obj).__name__


class GatewayDataSender:
    def __init__(
        self,
        url: str,
        beamline: str,
        proposal: str,
        technique: str,
        api_key: Optional[str] = None,
        title: Optional[str] = None,
    ) -> None:
        self.gateway = Gateway(url, api_key=api_key)
        self.beamline = beamline
        self.proposal = proposal
        self.technique = technique
        self.title = title
        #: The scan the next Entry goes to; None until the first one.
        self.scan_id: Optional[str] = None

    def send_data(self, obj: Any) -> Json:
        """Stages an Entry, or closes the scan on an ExperimentDone; the gateway's answer."""
        kind = _kind(obj)
        if kind == "ExperimentDone":
            if self.scan_id is None:
                raise RuntimeError("ExperimentDone before any Entry: there is no scan to close")
            done = full_form(obj)
            answer = self.gateway.close(self.scan_id, {"beamline": done["beamline"], "filepath": done["filepath"]})
            self.scan_id = None
            return answer
        if kind != "Entry":
            raise TypeError(f"send_data takes an Entry or an ExperimentDone, not {kind}")
        if self.scan_id is None:
            opened = self.gateway.open_scan(
                self.beamline, self.proposal, self.technique, title=self.title
            )
            self.scan_id = str(opened["scanId"])
        return self.gateway.send_entry(self.scan_id, obj)
