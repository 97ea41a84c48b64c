"""The gateway's calls, one method each. Every call retries what is safe to
retry (see transport.py); an error answer raises :class:`GatewayProblem`."""
from __future__ import annotations

import base64
import hashlib
import io
import json
import time
import urllib.parse
import uuid
from typing import Any, Dict, Iterator, Mapping, Optional, Sequence, Union

from .full_form import full_form
from .problems import GatewayError, ScanFailed
from .transport import Retry, Transport

Json = Dict[str, Any]
ENDED = ("written", "failed", "expired")


class Gateway:
    """A client of one gateway: ``Gateway("http://127.0.0.1:3000", api_key=...)``."""

    def __init__(
        self,
        url: str,
        api_key: Optional[str] = None,
        timeout: float = 60.0,
        retry: Optional[Retry] = None,
    ) -> None:
        self.transport = Transport(url, api_key=api_key, timeout=timeout, retry=retry)

    # Scans

    def open_scan(
        self,
        beamline: str,
        proposal: str,
        technique: str,
        scan_id: Optional[str] = None,
        title: Optional[str] = None,
        start_time: Optional[str] = None,
    ) -> Json:
        """Opens a scan (again, harmlessly, with the same metadata); its status.

        Without ``scan_id`` the client picks one (a UUID) before the first
        attempt, so that a retried open re-opens the same scan instead of
        making a second one."""
        body: Json = {
            "beamline": beamline,
            "proposal": proposal,
            "technique": technique,
            "scanId": scan_id if scan_id is not None else str(uuid.uuid4()),
        }
        for key, value in (("title", title), ("startTime", start_time)):
            if value is not None:
                body[key] = value
        return self._post("/v1/scans", body)

    def send_entry(self, scan_id: str, entry: Any, idempotency_key: Optional[str] = None) -> Json:
        """Stages an Assonant Entry (a dict, or Assonant's object in full form)."""
        return self._post(self._scan(scan_id, "entries"), full_form(entry), idempotency_key)

    def send_device(
        self,
        scan_id: str,
        stage: str,
        moment: str,
        device: Any,
        timestamp: Optional[str] = None,
        event_id: Optional[str] = None,
    ) -> Json:
        """Stages one device (a Component) read at a stage and moment."""
        body = _moment_body(stage, moment, timestamp, event_id)
        body["device"] = full_form(device)
        return self._post(self._scan(scan_id, "devices"), body)

    def send_pvs(
        self,
        scan_id: str,
        stage: str,
        moment: str,
        values: Mapping[str, Any],
        timestamp: Optional[str] = None,
        event_id: Optional[str] = None,
    ) -> Json:
        """Stages PVs by name, placed through the beamline schema the scan pinned."""
        body = _moment_body(stage, moment, timestamp, event_id)
        body["values"] = dict(values)
        return self._post(self._scan(scan_id, "pvs"), body)

    def send(self, scan_id: str, body: Mapping[str, Any]) -> Json:
        """Stages a JSON body by its shape: a PV snapshot (``values``), a device event (``device``) or an Entry."""
        if "values" in body:
            return self._post(self._scan(scan_id, "pvs"), dict(body))
        if "device" in body:
            return self._post(self._scan(scan_id, "devices"), {**body, "device": full_form(body["device"])})
        return self.send_entry(scan_id, body)

    def close(
        self,
        scan_id: str,
        experiment_done: Optional[Mapping[str, Any]] = None,
        exit_status: Optional[str] = None,
        reason: Optional[str] = None,
    ) -> Json:
        """Closes the scan: its file is written. Closing again answers the same job.

        ``experiment_done``: Assonant's ExperimentDone; or ``exit_status``
        (success, abort, fail) and ``reason``: how the run ended, kept in the
        file and the status."""
        body: Optional[Json] = dict(experiment_done) if experiment_done is not None else None
        if exit_status is not None:
            body = {"exitStatus": exit_status, **({"reason": reason} if reason else {})}
        return self._post(self._scan(scan_id, "close"), body)

    def status(self, scan_id: str, wait_s: int = 0) -> Json:
        query = f"?wait={wait_s}" if wait_s > 0 else ""
        return self._get(f"{self._scan(scan_id)}{query}")

    def report(self, scan_id: str) -> Json:
        """What the file would hold and lack if the scan were closed now."""
        return self._get(self._scan(scan_id, "report"))

    def wait_written(self, scan_id: str, timeout_s: float = 600.0) -> Json:
        """The status once the scan is written; raises :class:`ScanFailed` if it failed."""
        deadline = time.monotonic() + timeout_s
        while True:
            left = int(max(1, min(30, deadline - time.monotonic())))
            scan = self.status(scan_id, wait_s=left)
            if scan["status"] == "written":
                return scan
            if scan["status"] in ENDED:
                raise ScanFailed(scan_id, str(scan.get("error") or scan.get("reason") or scan["status"]))
            if time.monotonic() >= deadline:
                raise GatewayError(f"scan {scan_id} is still {scan['status']} after {timeout_s} s")

    def download(self, scan_id: str, path: str) -> str:
        """Writes the scan's file to ``path``; returns ``path``."""
        response = self.transport.request("GET", self._scan(scan_id, "file"))
        with open(path, "wb") as out:
            out.write(response.body)
        return path

    def scans(self, **filters: Union[str, int]) -> Iterator[Json]:
        """Every scan of the catalog that matches ``filters`` (beamline, proposal, status, ...), newest first."""
        query = {key: str(value) for key, value in filters.items()}
        while True:
            page = self._get(f"/v1/scans?{urllib.parse.urlencode(query)}")
            yield from page["items"]
            cursor = page.get("nextCursor")
            if cursor is None:
                return
            query["cursor"] = cursor

    # Arrays

    def send_array(
        self,
        scan_id: str,
        data: Any,
        dtype: Optional[str] = None,
        shape: Optional[Sequence[int]] = None,
        stream: Optional[str] = None,
        index: Optional[int] = None,
        compression: Optional[str] = None,
    ) -> Json:
        """Uploads an array as bytes; its description, with the ``arrayId``.

        ``data`` is a NumPy array (sent as ``.npy``, without this package
        importing NumPy), the bytes ``np.save`` wrote, or raw C-order bytes
        with their ``dtype`` (``"uint16"``) and ``shape``. A Content-Digest
        goes with it, so the gateway checks every byte arrived.

        Name it in a field as ``{"array": arrayId}``. A detector frame gives
        its ``stream`` and ``index`` instead; a field names the whole stream
        as ``{"stream": name}``. ``compression`` (``"bslz4"``, ``"gzip:6"``,
        ...) overrides the beamline's choice for this array or stream."""
        headers: Dict[str, str] = {}
        if hasattr(data, "dtype") and hasattr(data, "tobytes"):
            body, content_type = _npy_bytes(data), "application/x-npy"
        elif dtype is not None and shape is not None:
            body, content_type = bytes(data), "application/octet-stream"
            headers = {"X-Array-Dtype": dtype, "X-Array-Shape": ",".join(str(n) for n in shape)}
        else:
            body, content_type = bytes(data), "application/x-npy"
        headers["Content-Digest"] = "sha-256=:" + base64.b64encode(hashlib.sha256(body).digest()).decode("ascii") + ":"
        query = urllib.parse.urlencode(
            {
                key: value
                for key, value in (("stream", stream), ("index", index), ("compression", compression))
                if value is not None
            }
        )
        route = "arrays" + (f"?{query}" if query else "")
        response = self.transport.request(
            "POST", self._scan(scan_id, route), body, content_type=content_type, headers=headers
        )
        return response.json()

    # Beamline schemas

    def put_schema(self, beamline: str, csv: Union[str, bytes]) -> Json:
        """Uploads the beamline's schema (Assonant's metadata.csv): a new version."""
        data = csv.encode("utf-8") if isinstance(csv, str) else csv
        response = self.transport.request(
            "PUT", f"/v1/beamlines/{_quote(beamline)}/schema", data, content_type="text/csv"
        )
        return response.json()

    def get_schema(self, beamline: str, version: Optional[int] = None) -> Json:
        query = f"?version={version}" if version is not None else ""
        return self._get(f"/v1/beamlines/{_quote(beamline)}/schema{query}")

    # Plumbing

    def _scan(self, scan_id: str, route: str = "") -> str:
        path = f"/v1/scans/{_quote(scan_id)}"
        return f"{path}/{route}" if route else path

    def _get(self, path: str) -> Json:
        return self.transport.request("GET", path).json()

    def _post(self, path: str, body: Optional[Any], idempotency_key: Optional[str] = None) -> Json:
        headers = {} if idempotency_key is None else {"Idempotency-Key": idempotency_key}
        data = None if body is None else json.dumps(body).encode("utf-8")
        return self.transport.request("POST", path, data, headers=headers).json()


def _moment_body(
    stage: str, moment: str, timestamp: Optional[str], event_id: Optional[str]
) -> Json:
    """What every reading at a stage and moment carries: a device event, a PV snapshot."""
    body: Json = {"stage": stage, "moment": moment}
    if timestamp is not None:
        body["timestamp"] = timestamp
    if event_id is not None:
        body["eventId"] = event_id
    return body


def _quote(segment: str) -> str:
    return urllib.parse.quote(segment, safe="")


def _npy_bytes(array: Any) -> bytes:
    """``np.save`` of ``array``, through the array's own module (this package needs no NumPy)."""
    buffer = io.BytesIO()
    module = __import__(type(array).__module__.split(".")[0])
    module.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()
