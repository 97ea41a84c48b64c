"""The Bluesky callback, fed document streams that follow the event-model
schemas (Bluesky cannot be installed here), through the real gateway; the
files read back with h5py."""
import json
import os
import unittest
import uuid
from pathlib import Path
from typing import Any, Dict, List

from assonant_gateway import Gateway
from assonant_gateway.bluesky import GatewayCallback

FIXTURES = Path(__file__).resolve().parents[3] / "test" / "fixtures"
URL = os.environ.get("ASSONANT_GATEWAY_URL", "")


def documents(name: str) -> List[List[Any]]:
    return json.loads((FIXTURES / "bluesky" / f"{name}.json").read_text())


def with_new_uid(docs: List[List[Any]]) -> List[List[Any]]:
    """The stream under a run uid of its own, so that a rerun of the suite opens new scans."""
    old = docs[0][1]["uid"]
    new = str(uuid.uuid4())
    return json.loads(json.dumps(docs).replace(old, new))


def read(path: str) -> Dict[str, Any]:
    import h5py  # Debian's python3-h5py, the reader that is not ours

    out: Dict[str, Any] = {}
    with h5py.File(path, "r") as f:
        def visit(name: str, obj: Any) -> None:
            attrs = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in obj.attrs.items()}
            out[name] = {"attrs": attrs, "value": obj[()] if isinstance(obj, h5py.Dataset) else None}
        f.visititems(visit)
    return out


class BlueskyCallbackTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        if not URL:
            raise RuntimeError("ASSONANT_GATEWAY_URL is not set: run npm test")
        cls.gateway = Gateway(URL)
        cls.beamline = f"BS{uuid.uuid4().hex[:6].upper()}"
        cls.gateway.put_schema(cls.beamline, (FIXTURES / "schemas" / "mogno-metadata.csv").read_bytes())

    def replay(self, name: str, **options: Any) -> Dict[str, Any]:
        callback = GatewayCallback(self.gateway, self.beamline, "CT", **options)
        for doc_name, doc in with_new_uid(documents(name)):
            callback(doc_name, doc)
        assert callback.scan_id is not None
        written = self.gateway.wait_written(callback.scan_id, timeout_s=60)
        return {"status": written, "file": read(written["file"]["path"]), "callback": callback}

    def test_a_count_plan_with_a_baseline(self) -> None:
        run = self.replay("count-with-baseline", classes={"det": "Detector"})
        status, nodes = run["status"], run["file"]
        self.assertEqual(status["title"], "count")
        self.assertEqual(status["proposal"], "20240123")
        # The baseline's first and last readings are the start and end snapshots, placed through the schema.
        start = nodes["sample_acquisition_start/instrument/monochromator/energy"]
        self.assertEqual(float(start["value"]), 22.0)
        self.assertEqual(start["attrs"]["units"], "keV")
        self.assertEqual(start["attrs"]["pv_name"], "MGN:A:DCM:Energy_RBV")
        self.assertEqual(float(nodes["sample_acquisition_end/instrument/monochromator/energy"]["value"]), 22.01)
        # The primary stream's readings keep their timestamps: one NXlog.
        log = "sample_acquisition_during/instrument/det/value"
        self.assertEqual(nodes[log]["attrs"]["NX_class"], "NXlog")
        self.assertEqual([float(v) for v in nodes[f"{log}/value"]["value"]], [1000.0, 1001.0, 1002.0])
        self.assertEqual([float(t) for t in nodes[f"{log}/time"]["value"]], [0.0, 1.0, 2.0])
        self.assertEqual(nodes[f"{log}/value"]["attrs"]["units"], "counts")
        self.assertEqual(nodes["sample_acquisition_start/sample/name"]["value"].decode(), "rock core A3")

    def test_a_grid_scan_with_an_area_detector_streaming_to_a_file(self) -> None:
        run = self.replay("grid-scan-area-detector")
        nodes = run["file"]
        data_file = nodes["sample_acquisition_start/instrument/cam/data_file"]
        self.assertEqual(data_file["value"].decode(), "/ibira/mogno/20240123/cam_0001.h5")
        self.assertEqual(data_file["attrs"]["dataset"], "/entry/data/data")
        self.assertEqual(nodes["sample_acquisition_start/instrument/cam"]["attrs"]["NX_class"], "NXdetector")
        # The descriptor's configuration is a start snapshot: a schema PV where the schema says, the rest by device.
        exposure = nodes["sample_acquisition_start/instrument/camera/exposure_time"]
        self.assertEqual((float(exposure["value"]), exposure["attrs"]["units"]), (0.05, "s"))
        gain = nodes["sample_acquisition_start/instrument/cam/gain"]
        self.assertEqual((float(gain["value"]), gain["attrs"]["units"]), (2.0, "dB"))
        # motor1's source is a PV of the schema: it goes where the schema puts sample x.
        x = "sample_acquisition_during/sample/transformations/x"
        self.assertEqual(nodes[x]["attrs"]["NX_class"], "NXlog")
        self.assertEqual(len(nodes[f"{x}/value"]["value"]), 4)
        motor2 = "sample_acquisition_during/instrument/motor2/value"
        self.assertEqual(len(nodes[f"{motor2}/value"]["value"]), 4)

    def test_event_pages_give_the_readings_events_give(self) -> None:
        docs = documents("count-with-baseline")
        primary = next(doc["uid"] for name, doc in docs if name == "descriptor" and doc["name"] == "primary")
        events = [doc for name, doc in docs if name == "event" and doc["descriptor"] == primary]
        page = {
            "descriptor": primary,
            "uid": [e["uid"] for e in events],
            "time": [e["time"] for e in events],
            "seq_num": [e["seq_num"] for e in events],
            "data": {k: [e["data"][k] for e in events] for k in events[0]["data"]},
            "timestamps": {k: [e["timestamps"][k] for e in events] for k in events[0]["timestamps"]},
            "filled": {},
        }
        paged = [d for d in docs if not (d[0] == "event" and d[1]["descriptor"] == primary)]
        paged.insert(next(i for i, (n, d) in enumerate(paged) if n == "stop"), ["event_page", page])
        callback = GatewayCallback(self.gateway, self.beamline, "CT", classes={"det": "Detector"})
        for doc_name, doc in with_new_uid(paged):
            callback(doc_name, doc)
        assert callback.scan_id is not None
        nodes = read(self.gateway.wait_written(callback.scan_id, timeout_s=60)["file"]["path"])
        log = "sample_acquisition_during/instrument/det/value"
        self.assertEqual([float(v) for v in nodes[f"{log}/value"]["value"]], [1000.0, 1001.0, 1002.0])

    def test_an_aborted_run_is_still_written(self) -> None:
        run = self.replay("aborted-count", classes={"det": "Detector"})
        self.assertEqual(run["callback"].exit_status, "abort")
        self.assertEqual(run["status"]["status"], "written")
        self.assertEqual(run["status"]["runEnd"], {"exitStatus": "abort", "reason": "the user pressed Ctrl-C"})
        import h5py

        with h5py.File(run["status"]["file"]["path"], "r") as f:
            self.assertEqual(f.attrs["exit_status"], "abort")
            self.assertEqual(f.attrs["exit_reason"], "the user pressed Ctrl-C")


if __name__ == "__main__":
    unittest.main()
