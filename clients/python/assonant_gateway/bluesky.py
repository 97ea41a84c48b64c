"""A Bluesky callback: ``RE.subscribe(GatewayCallback(gateway, "MOGNO", "CT"))``.

A plain ``__call__(name, doc)``, as Bluesky's own TiledWriter and apstools'
NXWriter are, that turns a run's documents into a scan of the gateway:

- ``start`` opens the scan: its id from the run's ``uid``, its title from
  ``plan_name``, its proposal (and sample) from the metadata, keys configurable;
- each descriptor's ``configuration`` (exposure, gain, ...) is a ``start``
  snapshot of its device;
- the ``baseline`` stream's first and last readings are the ``start`` and
  ``end`` snapshots (as Assonant's Bluesky retriever takes them);
- every other stream's events (and event pages) are ``during`` readings
  with their own timestamps, so the gateway makes them NXlog groups;
- a data key whose ``source`` is ``PV:<name>`` goes as a PV snapshot when the
  scan's beamline schema lists the PV; the others as the field of the
  device named by ``object_name``, with the units of its data key;
- ``stream_resource`` / ``resource`` give the detector's frame file
  (``data_file`` with its ``dataset``), the external link of the file;
- ``stop`` closes the scan; an ``exit_status`` other than ``success`` (and its
  ``reason``) is kept in the file and the scan's status.
"""
from __future__ import annotations

import datetime
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from .gateway import Gateway, Json
from .problems import GatewayProblem

BASELINE = "baseline"
STAGE = "sample_acquisition"


def _iso(epoch: float) -> str:
    return datetime.datetime.fromtimestamp(epoch, tz=datetime.timezone.utc).isoformat()


class GatewayCallback:
    def __init__(
        self,
        gateway: Gateway,
        beamline: str,
        technique: str,
        proposal_key: str = "proposal",
        sample_key: str = "sample",
        classes: Optional[Mapping[str, str]] = None,
        default_class: str = "Sensor",
        stage: str = STAGE,
    ) -> None:
        self.gateway = gateway
        self.beamline = beamline
        self.technique = technique
        self.proposal_key = proposal_key
        self.sample_key = sample_key
        #: object_name → Assonant class (Detector, Monochromator, Sample, ...).
        self.classes = dict(classes or {})
        self.default_class = default_class
        self.stage = stage
        self.scan_id: Optional[str] = None
        self.pvs: set = set()
        self.descriptors: Dict[str, Json] = {}
        self.last_baseline: Optional[Tuple[Json, Dict[str, Any], Dict[str, float]]] = None
        self.baselines = 0
        self.resources: Dict[str, Json] = {}
        self.exit_status: Optional[str] = None
        #: (device, field) → the data key it came from, for its timestamp.
        self._names: Dict[Tuple[str, str], str] = {}

    def __call__(self, name: str, doc: Json) -> None:
        handler: Optional[Callable[[Json], None]] = getattr(self, f"_{name}", None)
        if handler is not None:
            handler(doc)

    # Documents

    def _start(self, doc: Json) -> None:
        scan = self.gateway.open_scan(
            self.beamline,
            str(doc.get(self.proposal_key, "unknown")),
            self.technique,
            scan_id=str(doc["uid"]),
            title=doc.get("plan_name"),
            start_time=_iso(float(doc["time"])),
        )
        self.scan_id = str(scan["scanId"])
        self.pvs = self._schema_pvs()
        sample = doc.get(self.sample_key)
        if isinstance(sample, str):
            device = {"class": "Sample", "name": "sample", "fields": {"name": {"value": sample}}}
            self.gateway.send_device(self.scan_id, self.stage, "start", device, event_id="bluesky-sample")

    def _descriptor(self, doc: Json) -> None:
        self.descriptors[str(doc["uid"])] = doc
        for key, about in doc.get("data_keys", {}).items():
            if about.get("external") and about.get("object_name"):
                self.classes.setdefault(str(about["object_name"]), "Detector")
        # Each device's configuration (exposure, gain, ...) is a snapshot at the start.
        for device, configuration in (doc.get("configuration") or {}).items():
            data = dict(configuration.get("data") or {})
            if not data:
                continue
            keys = {
                key: {**about, "object_name": about.get("object_name", device)}
                for key, about in (configuration.get("data_keys") or {}).items()
            }
            times = {k: float(v) for k, v in (configuration.get("timestamps") or {}).items()}
            self._snapshot("start", {"name": "configuration", "data_keys": keys}, data, times,
                           f"configuration-{doc['uid']}-{device}")

    def _event(self, doc: Json) -> None:
        descriptor = self.descriptors[str(doc["descriptor"])]
        data = dict(doc.get("data", {}))
        times = {k: float(v) for k, v in doc.get("timestamps", {}).items()}
        if descriptor.get("name") == BASELINE:
            self.baselines += 1
            if self.baselines == 1:
                self._snapshot("start", descriptor, data, times, f"baseline-{doc['uid']}")
            self.last_baseline = (descriptor, data, times)
            return
        self._readings(descriptor, data, times, str(doc["uid"]))

    def _event_page(self, doc: Json) -> None:
        for at, uid in enumerate(doc["uid"]):
            self._event(
                {
                    "uid": uid,
                    "descriptor": doc["descriptor"],
                    "time": doc["time"][at],
                    "data": {k: v[at] for k, v in doc["data"].items()},
                    "timestamps": {k: v[at] for k, v in doc["timestamps"].items()},
                }
            )

    def _stream_resource(self, doc: Json) -> None:
        self.resources[str(doc["uid"])] = doc
        uri = str(doc.get("uri", ""))
        path = uri[len("file://localhost"):] if uri.startswith("file://localhost") else uri
        dataset = (doc.get("parameters") or {}).get("dataset")
        self._frame_file(str(doc.get("data_key", "")), path, dataset, str(doc["uid"]))

    def _resource(self, doc: Json) -> None:
        self.resources[str(doc["uid"])] = doc
        root = str(doc.get("root", ""))
        path = f"{root.rstrip('/')}/{doc.get('resource_path', '')}" if root else str(doc.get("resource_path", ""))
        dataset = (doc.get("resource_kwargs") or {}).get("dataset")
        self._frame_file(None, path, dataset, str(doc["uid"]))

    def _stop(self, doc: Json) -> None:
        assert self.scan_id is not None, "a stop without its start"
        if self.last_baseline is not None and self.baselines > 1:
            descriptor, data, times = self.last_baseline
            self._snapshot("end", descriptor, data, times, "baseline-end")
        self.exit_status = str(doc.get("exit_status", "success"))
        if self.exit_status == "success":
            self.gateway.close(self.scan_id)
        else:
            self.gateway.close(self.scan_id, exit_status=self.exit_status, reason=doc.get("reason") or None)

    # Readings

    def _snapshot(self, moment: str, descriptor: Json, data: Dict[str, Any],
                  times: Dict[str, float], event_id: str) -> None:
        pvs, devices = self._split(descriptor, data)
        if pvs:
            values = {pv: value for pv, (_, value) in pvs.items()}
            self.gateway.send_pvs(self._scan(), self.stage, moment, values, event_id=f"{event_id}-pvs")
        for name, device in devices.items():
            fields = {key: _field(value, unit) for key, (value, unit) in device.items()}
            stamp = max((times.get(k, 0.0) for k in data), default=None)
            self.gateway.send_device(
                self._scan(), self.stage, moment, self._component(name, fields),
                timestamp=_iso(stamp) if stamp else None, event_id=f"{event_id}-{name}",
            )

    def _readings(self, descriptor: Json, data: Dict[str, Any], times: Dict[str, float], uid: str) -> None:
        pvs, devices = self._split(descriptor, data)
        series_pvs = {pv: {"value": [value], "timestamps": [times[key]]} for pv, (key, value) in pvs.items()}
        if series_pvs:
            self.gateway.send_pvs(self._scan(), self.stage, "during", series_pvs, event_id=f"{uid}-pvs")
        for name, device in devices.items():
            fields = {
                key: {"value": _field(value, unit), "timestamps": {"value": [times[self._key(name, key)]], "unit": "s"}}
                for key, (value, unit) in device.items()
            }
            for field in fields.values():
                field["value"]["value"] = [field["value"]["value"]]
            self.gateway.send_device(self._scan(), self.stage, "during", self._component(name, fields),
                                     event_id=f"{uid}-{name}")

    def _split(self, descriptor: Json, data: Dict[str, Any]) -> Tuple[Dict[str, Any], Dict[str, Dict[str, Tuple[Any, Optional[str]]]]]:
        """The readings of the schema's PVs, by PV; the rest by device, then field."""
        pvs: Dict[str, Any] = {}
        devices: Dict[str, Dict[str, Tuple[Any, Optional[str]]]] = {}
        for key, value in data.items():
            about = descriptor.get("data_keys", {}).get(key, {})
            if about.get("external"):
                continue  # frames stay in their file; the resource names it
            source = str(about.get("source", ""))
            if source.startswith("PV:") and source[3:] in self.pvs:
                pvs[source[3:]] = (key, value)
                continue
            device = str(about.get("object_name") or key)
            field = key[len(device) + 1:] if key.startswith(f"{device}_") else ("value" if key == device else key)
            self._names[(device, field)] = key
            devices.setdefault(device, {})[field] = (value, about.get("units"))
        return pvs, devices

    def _key(self, device: str, field: str) -> str:
        return self._names[(device, field)]

    def _frame_file(self, data_key: Optional[str], path: str, dataset: Optional[str], uid: str) -> None:
        device = self._detector_of(data_key)
        field: Json = {"value": path}
        if dataset:
            field["extra_metadata"] = {"dataset": dataset}
        self.gateway.send_device(self._scan(), self.stage, "start", self._component(device, {"data_file": field}),
                                 event_id=f"resource-{uid}")

    def _detector_of(self, data_key: Optional[str]) -> str:
        for descriptor in self.descriptors.values():
            about = descriptor.get("data_keys", {}).get(data_key or "", None)
            if about is not None and about.get("object_name"):
                return str(about["object_name"])
        detectors = [name for name, cls in self.classes.items() if cls == "Detector"]
        return detectors[0] if detectors else "detector"

    def _component(self, name: str, fields: Dict[str, Any]) -> Json:
        return {"class": self.classes.get(name, self.default_class), "name": name, "fields": fields}

    def _schema_pvs(self) -> set:
        try:
            schema = self.gateway.get_schema(self.beamline)
        except GatewayProblem as problem:
            if problem.status == 404:  # no schema: every reading goes by device
                return set()
            raise
        return {row["PV Name"] for row in schema.get("rows", []) if row.get("PV Name")}

    def _scan(self) -> str:
        assert self.scan_id is not None, "a document before its start"
        return self.scan_id


def _field(value: Any, unit: Optional[str]) -> Json:
    field: Json = {"value": value}
    if unit:
        field["unit"] = unit
    return field


__all__: List[str] = ["GatewayCallback"]
