"""``python3 -m assonant_gateway``: the gateway from a shell.

Exit codes a script can test: 0 done; 1 the gateway refused (a 4xx problem,
printed with its violations); 2 a usage error; 3 the gateway could not be
reached or failed (5xx); 4 the scan's file could not be written."""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, List, Optional

from .gateway import Gateway
from .problems import GatewayError, GatewayProblem, ScanFailed

EXIT_REFUSED, EXIT_USAGE, EXIT_UNREACHABLE, EXIT_FAILED = 1, 2, 3, 4


def _read_json(path: str) -> Any:
    text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
    return json.loads(text)


def _kind(body: Any) -> str:
    """What a JSON file holds: a PV snapshot, a device event or an Entry."""
    if isinstance(body, dict) and "values" in body:
        return "pvs"
    if isinstance(body, dict) and "device" in body:
        return "device"
    return "entry"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python3 -m assonant_gateway", description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("ASSONANT_GATEWAY_URL", "http://127.0.0.1:3000"),
                        help="the gateway (default $ASSONANT_GATEWAY_URL or http://127.0.0.1:3000)")
    parser.add_argument("--api-key", default=os.environ.get("ASSONANT_GATEWAY_API_KEY"),
                        help="an API key (default $ASSONANT_GATEWAY_API_KEY)")
    parser.add_argument("--json", action="store_true", help="print the gateway's answers as JSON")
    commands = parser.add_subparsers(dest="command", required=True)

    opened = commands.add_parser("open", help="open a scan; prints its id")
    opened.add_argument("beamline")
    opened.add_argument("proposal")
    opened.add_argument("technique")
    opened.add_argument("--scan-id")
    opened.add_argument("--title")

    send = commands.add_parser("send", help="send entry, device or PV JSON files (- for stdin)")
    send.add_argument("scan_id")
    send.add_argument("files", nargs="+")

    close = commands.add_parser("close", help="close a scan: its file is written")
    close.add_argument("scan_id")
    close.add_argument("--done", help="Assonant's ExperimentDone JSON file")

    wait = commands.add_parser("wait", help="wait until the scan is written; prints its file")
    wait.add_argument("scan_id")
    wait.add_argument("--timeout", type=float, default=600.0)

    status = commands.add_parser("status", help="a scan's status")
    status.add_argument("scan_id")

    report = commands.add_parser("report", help="what the file would hold and lack if closed now")
    report.add_argument("scan_id")

    get = commands.add_parser("get", help="download the scan's file")
    get.add_argument("scan_id")
    get.add_argument("path", nargs="?")

    ls = commands.add_parser("ls", help="the catalog, newest first")
    for name in ("beamline", "proposal", "technique", "status"):
        ls.add_argument(f"--{name}")

    schema = commands.add_parser("schema", help="a beamline's schema (Assonant's metadata.csv)")
    actions = schema.add_subparsers(dest="action", required=True)
    put = actions.add_parser("put", help="upload a schema: a new version")
    put.add_argument("beamline")
    put.add_argument("file")
    got = actions.add_parser("get", help="the current schema (or --version N) as JSON")
    got.add_argument("beamline")
    got.add_argument("--version", type=int)
    return parser


def _print(args: argparse.Namespace, answer: Any, text: str) -> None:
    print(json.dumps(answer) if args.json else text)


def run(argv: Optional[List[str]] = None) -> int:
    args = _parser().parse_args(argv)
    gateway = Gateway(args.url, api_key=args.api_key)
    try:
        return _run(args, gateway)
    except GatewayProblem as problem:
        print(str(problem), file=sys.stderr)
        return EXIT_REFUSED if problem.status < 500 else EXIT_UNREACHABLE
    except ScanFailed as failed:
        print(str(failed), file=sys.stderr)
        return EXIT_FAILED
    except GatewayError as error:
        print(str(error), file=sys.stderr)
        return EXIT_UNREACHABLE
    except (OSError, ValueError) as error:
        print(f"cannot read the input: {error}", file=sys.stderr)
        return EXIT_USAGE


def _run(args: argparse.Namespace, gateway: Gateway) -> int:
    if args.command == "open":
        scan = gateway.open_scan(args.beamline, args.proposal, args.technique,
                                 scan_id=args.scan_id, title=args.title)
        _print(args, scan, scan["scanId"])
    elif args.command == "send":
        for path in args.files:
            body = _read_json(path)
            kind = _kind(body)
            answer = gateway.send(args.scan_id, body)
            dup = " (already had it)" if answer.get("duplicate") else ""
            _print(args, answer, f"{path}: {kind} {answer['eventId']} → {answer['entry']}{dup}")
    elif args.command == "close":
        done = None if args.done is None else _read_json(args.done)
        answer = gateway.close(args.scan_id, done)
        _print(args, answer, f"{answer['scanId']} {answer['status']}")
    elif args.command == "wait":
        scan = gateway.wait_written(args.scan_id, timeout_s=args.timeout)
        _print(args, scan, scan["file"]["path"])
    elif args.command == "status":
        scan = gateway.status(args.scan_id)
        _print(args, scan, f"{scan['scanId']} {scan['status']} entries={scan['counts']['entries']} devices={scan['counts']['devices']}")
    elif args.command == "report":
        report = gateway.report(args.scan_id)
        validation = report["validation"]
        lines = [f"{report['scanId']} {validation['definition']}: {validation['errors']} errors, {validation['warnings']} warnings"]
        lines += [f"  send {f['hint']}" for f in validation["findings"] if "hint" in f]
        _print(args, report, "\n".join(lines))
    elif args.command == "get":
        path = args.path or f"{args.scan_id}.nxs"
        gateway.download(args.scan_id, path)
        _print(args, {"path": path}, path)
    elif args.command == "ls":
        filters = {k: v for k in ("beamline", "proposal", "technique", "status") if (v := getattr(args, k))}
        scans = list(gateway.scans(**filters))
        _print(args, scans, "\n".join(f"{s['scanId']}\t{s['beamline']}\t{s['status']}\t{s['createdAt']}" for s in scans))
    elif args.command == "schema" and args.action == "put":
        with open(args.file, "rb") as handle:
            version = gateway.put_schema(args.beamline, handle.read())
        _print(args, version, f"{version['beamline']} schema version {version['version']} ({version['rows']} rows)")
    elif args.command == "schema" and args.action == "get":
        schema = gateway.get_schema(args.beamline, args.version)
        print(json.dumps(schema, indent=None if args.json else 2))
    return 0


def main() -> None:
    sys.exit(run())
