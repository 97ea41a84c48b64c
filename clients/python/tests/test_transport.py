"""Retries, against a small local server that answers what the test tells it:
503 and 429 are retried with the same body and Idempotency-Key, honouring
Retry-After; a problem answer becomes an exception with its violations."""
import json
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import List, Tuple

from assonant_gateway import GatewayError, GatewayProblem, Retry
from assonant_gateway.gateway import Gateway


class Script:
    """The answers to give, in order (the last repeats), and the requests seen."""

    def __init__(self, answers: List[Tuple[int, dict, dict]]) -> None:
        self.answers = answers
        self.seen: List[Tuple[str, dict, bytes]] = []


def serve(script: Script) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            length = int(self.headers.get("Content-Length", "0"))
            script.seen.append((self.path, dict(self.headers), self.rfile.read(length)))
            index = min(len(script.seen) - 1, len(script.answers) - 1)
            status, headers, body = script.answers[index]
            data = json.dumps(body).encode()
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


PROBLEM = {"Content-Type": "application/problem+json"}
BUSY = {"type": "urn:assonant-gateway:problem:store-unavailable", "title": "Staging store unavailable",
        "status": 503, "detail": "Redis cannot be reached; nothing was stored. Retry later.", "requestId": "r1"}
ACCEPTED = {"scanId": "s1", "eventId": "e1", "entry": "sample_acquisition_start", "duplicate": False}


class RetryTest(unittest.TestCase):
    def gateway(self, script: Script, sleeps: List[float], attempts: int = 5) -> Tuple[Gateway, ThreadingHTTPServer]:
        server = serve(script)
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        gateway = Gateway(f"http://127.0.0.1:{server.server_address[1]}", retry=Retry(attempts=attempts))
        gateway.transport.sleep = sleeps.append
        return gateway, server

    def test_retries_503_with_the_same_body_and_key_honouring_retry_after(self) -> None:
        script = Script([
            (503, {**PROBLEM, "Retry-After": "2"}, BUSY),
            (503, {**PROBLEM, "Retry-After": "1"}, BUSY),
            (202, {"Content-Type": "application/json"}, ACCEPTED),
        ])
        sleeps: List[float] = []
        gateway, _ = self.gateway(script, sleeps)
        answer = gateway.send_entry("s1", {"name": "sample_acquisition_start", "beamline": {"name": "MOGNO"}},
                                    idempotency_key="key-1")
        self.assertEqual(answer, ACCEPTED)
        self.assertEqual(sleeps, [2.0, 1.0])
        self.assertEqual(len(script.seen), 3)
        self.assertEqual({body for _, _, body in script.seen}.__len__(), 1, "the same body each time")
        self.assertEqual({h.get("Idempotency-Key") for _, h, _ in script.seen}, {"key-1"})

    def test_a_retried_open_names_the_same_scan(self) -> None:
        opened = {"scanId": "x", "status": "open"}
        script = Script([(503, {**PROBLEM, "Retry-After": "0"}, BUSY), (201, {"Content-Type": "application/json"}, opened)])
        gateway, _ = self.gateway(script, [])
        gateway.open_scan("MOGNO", "p1", "CT")
        sent = [json.loads(body) for _, _, body in script.seen]
        self.assertEqual(len(sent), 2)
        self.assertTrue(sent[0]["scanId"], "the client picked a scanId")
        self.assertEqual(sent[0], sent[1], "the retry opens the same scan")

    def test_backs_off_under_a_429_storm_then_raises_the_problem(self) -> None:
        full = {"type": "urn:assonant-gateway:problem:staging-full", "title": "Too many events waiting to be written",
                "status": 429, "detail": "Staging is at its global limit.", "requestId": "r2"}
        script = Script([(429, PROBLEM, full)])
        sleeps: List[float] = []
        gateway, _ = self.gateway(script, sleeps, attempts=5)
        with self.assertRaises(GatewayProblem) as raised:
            gateway.close("s1")
        self.assertEqual(raised.exception.status, 429)
        self.assertEqual(len(script.seen), 5)
        self.assertEqual(len(sleeps), 4)
        # Without Retry-After the waits grow: each at least half of twice the one before's base.
        self.assertTrue(all(later > earlier * 0.9 for earlier, later in zip(sleeps, sleeps[1:]) if later < 10),
                        sleeps)

    def test_a_refused_body_raises_with_every_violation_and_is_not_retried(self) -> None:
        refused = {"type": "urn:assonant-gateway:problem:validation-failed", "title": "Request body is not valid",
                   "status": 422, "detail": "The request body breaks 1 rule(s); see violations.", "requestId": "r3",
                   "violations": [{"path": "technique", "rule": "isIn", "message": "technique must be one of …"}]}
        script = Script([(422, PROBLEM, refused)])
        gateway, _ = self.gateway(script, [])
        with self.assertRaises(GatewayProblem) as raised:
            gateway.open_scan("MOGNO", "p", "ct")
        problem = raised.exception
        self.assertEqual((problem.status, problem.request_id), (422, "r3"))
        self.assertEqual([(v.path, v.rule) for v in problem.violations], [("technique", "isIn")])
        self.assertIn("technique: technique must be one of", str(problem))
        self.assertEqual(len(script.seen), 1)

    def test_an_unreachable_gateway_is_retried_then_named(self) -> None:
        sleeps: List[float] = []
        gateway = Gateway("http://127.0.0.1:9", retry=Retry(attempts=3))
        gateway.transport.sleep = sleeps.append
        with self.assertRaises(GatewayError) as raised:
            gateway.status("s1")
        self.assertIn("cannot reach the gateway", str(raised.exception))
        self.assertEqual(len(sleeps), 2)


if __name__ == "__main__":
    unittest.main()
