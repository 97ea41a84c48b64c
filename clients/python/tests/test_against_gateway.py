"""The client against the real gateway (npm test starts it, with a worker and
Redis, and gives its URL): a whole MOGNO scan from Assonant-like objects, PVs
through a schema, the data sender, the catalog, the command line, and the
errors a user meets."""
import hashlib
import io
import json
import os
import tempfile
import unittest
import uuid
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from assonant_gateway import Gateway, GatewayDataSender, GatewayProblem, full_form
from assonant_gateway.cli import run
from tests import fake_assonant

FIXTURES = Path(__file__).resolve().parents[3] / "test" / "fixtures"
URL = os.environ.get("ASSONANT_GATEWAY_URL", "")
KEYED_URL = os.environ.get("ASSONANT_GATEWAY_KEYED_URL", "")


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / "assonant" / f"{name}.json").read_text())


def h5_has(path: str, *names: str) -> list:
    """Which of ``names`` the file holds (links followed), as h5py reads it."""
    import h5py  # Debian's python3-h5py, the reader that is not ours

    with h5py.File(path, "r") as f:
        return [name for name in names if name in f]


class AgainstGateway(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        if not URL or not KEYED_URL:
            raise RuntimeError("ASSONANT_GATEWAY_URL and ASSONANT_GATEWAY_KEYED_URL are not set: run npm test")
        cls.gateway = Gateway(URL)
        cls.beamline = f"PY{uuid.uuid4().hex[:6].upper()}"

    def test_a_whole_mogno_scan_from_assonant_objects(self) -> None:
        start = fake_assonant.entry(fixture("mogno-tomography-start"))
        during = fake_assonant.entry(fixture("mogno-tomography-during"))
        self.assertEqual(full_form(start)["beamline"]["subcomponents"]["monochromator"]["class"], "Monochromator")
        scan = self.gateway.open_scan("MOGNO", "20240123", "CT", title="rock core A3")
        scan_id = scan["scanId"]
        self.assertEqual(self.gateway.send_entry(scan_id, start)["entry"], "sample_acquisition_start")
        first = self.gateway.send_entry(scan_id, during)
        again = self.gateway.send_entry(scan_id, during)
        self.assertEqual((first["duplicate"], again["duplicate"]), (False, True))
        device = fake_assonant.component(fixture("device-snapshot-monochromator"))
        self.gateway.send_device(scan_id, "sample_positioning", "end", device, event_id="mono-1")
        self.gateway.close(scan_id)
        written = self.gateway.wait_written(scan_id, timeout_s=60)
        self.assertEqual(written["validation"]["definition"], "NXtomo")
        self.assertEqual(written["validation"]["errors"], 0)
        with tempfile.TemporaryDirectory() as folder:
            path = self.gateway.download(scan_id, os.path.join(folder, "scan.nxs"))
            wanted = ("entry/data/rotation_angle", "sample_positioning_end/instrument/monochromator/energy")
            self.assertEqual(h5_has(path, *wanted), list(wanted))

    def test_pvs_through_a_schema_and_the_data_sender(self) -> None:
        self.gateway.put_schema(self.beamline, (FIXTURES / "schemas" / "mogno-metadata.csv").read_bytes())
        self.assertEqual(self.gateway.get_schema(self.beamline)["version"]["version"], 1)
        sender = GatewayDataSender(URL, self.beamline, "py", "CT")
        wire = json.loads((FIXTURES / "assonant-wire" / "mogno-tomography-start.json").read_text())
        sender.send_data(wire)
        scan_id = sender.scan_id
        assert scan_id is not None
        self.gateway.send_pvs(scan_id, "sample_acquisition", "end", {"MGN:A:DCM:Energy_RBV": 22.0})
        report = self.gateway.report(scan_id)
        self.assertTrue(report["dryRun"])
        done = fake_assonant.ExperimentDone(beamline=self.beamline, filepath="/data/mogno_0001.nxs")
        sender.send_data(done)
        self.assertIsNone(sender.scan_id)
        written = self.gateway.wait_written(scan_id, timeout_s=60)
        self.assertEqual(written["experimentDone"]["filepath"], "/data/mogno_0001.nxs")
        end = [m for m in written["completeness"]["moments"] if m["entry"] == "sample_acquisition_end"]
        self.assertEqual(end[0]["arrived"], 1)

    def test_arrays_as_npy_and_as_raw_bytes(self) -> None:
        import numpy as np  # Debian's python3-numpy, for the test only: the client needs none

        scan_id = self.gateway.open_scan("MOGNO", "arrays", "CT")["scanId"]
        frame = np.arange(24, dtype=np.uint16).reshape(4, 6)
        sent = self.gateway.send_array(scan_id, frame)
        self.assertEqual((sent["dtype"], sent["shape"], sent["bytes"]), ("uint16", [4, 6], 48))
        self.assertEqual(sent["sha256"], hashlib.sha256(frame.tobytes()).hexdigest())
        raw = self.gateway.send_array(scan_id, frame.tobytes(), dtype="uint16", shape=(4, 6))
        self.assertEqual(raw["sha256"], sent["sha256"])
        self.assertNotEqual(raw["arrayId"], sent["arrayId"])
        with self.assertRaises(GatewayProblem) as fortran:
            self.gateway.send_array(scan_id, np.asfortranarray(np.ones((2, 3))))
        self.assertEqual(fortran.exception.status, 422)
        self.assertIn("C order", fortran.exception.detail)

    def test_frames_of_a_stream_named_in_a_field(self) -> None:
        import numpy as np  # Debian's python3-numpy, for the test only: the client needs none

        scan_id = self.gateway.open_scan("MOGNO", "frames", "CT")["scanId"]
        for k in (1, 0):
            frame = np.full((3, 2), k, dtype=np.uint16)
            sent = self.gateway.send_array(scan_id, frame, stream="cam", index=k, compression="lz4")
            self.assertEqual((sent["stream"], sent["index"], sent["compression"]), ("cam", k, "lz4"))
        status = self.gateway.status(scan_id)
        self.assertEqual(status["streams"][0]["frames"], 2)
        self.assertEqual(status["streams"][0]["missing"], [])
        camera = {"class": "Detector", "name": "camera", "fields": {"data": {"value": {"stream": "cam"}}}}
        entry = {"name": "sample_acquisition_during", "beamline": {"name": "MOGNO", "subcomponents": {"camera": camera}}}
        self.gateway.send_entry(scan_id, entry)
        self.gateway.close(scan_id)
        written = self.gateway.wait_written(scan_id, timeout_s=60)
        self.assertEqual(written["status"], "written")

    def test_the_catalog_through_its_cursor(self) -> None:
        proposal = f"cat-{uuid.uuid4().hex[:8]}"
        ids = {self.gateway.open_scan("MOGNO", proposal, "CT")["scanId"] for _ in range(3)}
        listed = list(self.gateway.scans(proposal=proposal, limit=1))
        self.assertEqual({scan["scanId"] for scan in listed}, ids)

    def test_errors_name_what_to_change(self) -> None:
        with self.assertRaises(GatewayProblem) as refused:
            self.gateway.open_scan("MOGNO", "p", "ct")
        self.assertEqual(refused.exception.status, 422)
        self.assertEqual(refused.exception.violations[0].path, "technique")
        self.assertIn('did you mean "CT"', refused.exception.violations[0].message)
        with self.assertRaises(GatewayProblem) as unknown:
            self.gateway.status("no-such-scan")
        self.assertEqual(unknown.exception.status, 404)
        with self.assertRaises(GatewayProblem) as bad_key:
            Gateway(KEYED_URL, api_key="not-a-key").status("no-such-scan")
        self.assertEqual(bad_key.exception.status, 401)
        self.assertIn("API key is not valid", bad_key.exception.detail)

    def test_the_command_line(self) -> None:
        def cli(*args: str) -> tuple:
            out, err = io.StringIO(), io.StringIO()
            with redirect_stdout(out), redirect_stderr(err):
                code = run(["--url", URL, *args])
            return code, out.getvalue().strip(), err.getvalue().strip()

        code, scan_id, _ = cli("open", "MOGNO", "cli", "CT")
        self.assertEqual(code, 0)
        with tempfile.TemporaryDirectory() as folder:
            pvs = Path(folder) / "event.json"
            pvs.write_text(json.dumps({"stage": "sample_acquisition", "moment": "start",
                                       "device": fixture("device-snapshot-monochromator") | {"class": "Monochromator"}}))
            code, out, err = cli("send", scan_id, str(FIXTURES / "assonant" / "mogno-tomography-start.json"), str(pvs))
            self.assertEqual(code, 0, err)
            self.assertEqual(len(out.splitlines()), 2)
            self.assertEqual(cli("close", scan_id)[0], 0)
            code, path, err = cli("wait", scan_id, "--timeout", "60")
            self.assertEqual(code, 0, err)
            self.assertTrue(path.endswith(f"{scan_id}.nxs"))
            code, out, _ = cli("--json", "status", scan_id)
            self.assertEqual(json.loads(out)["status"], "written")
            target = str(Path(folder) / "copy.nxs")
            self.assertEqual(cli("get", scan_id, target)[0], 0)
            self.assertEqual(h5_has(target, "sample_acquisition_start"), ["sample_acquisition_start"])
        code, _, err = cli("status", "no-such-scan")
        self.assertEqual(code, 1)
        self.assertIn("404", err)


if __name__ == "__main__":
    unittest.main()
