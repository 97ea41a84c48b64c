"""The gateway's errors as exceptions: every answer of 400 and above is an
RFC 9457 problem, and becomes a :class:`GatewayProblem` carrying all of it."""
from __future__ import annotations

from typing import Any, Dict, List, Optional


class GatewayError(Exception):
    """The gateway could not be reached, or answered what a client cannot use."""


class Violation:
    """One rule a body broke: where (a dotted JSON path), which rule, and what to change."""

    def __init__(self, path: str, rule: str, message: str) -> None:
        self.path = path
        self.rule = rule
        self.message = message

    def __repr__(self) -> str:
        return f"Violation(path={self.path!r}, rule={self.rule!r}, message={self.message!r})"


class GatewayProblem(GatewayError):
    """An error answer: its status, type, title, detail, request id and violations."""

    def __init__(self, status: int, body: Dict[str, Any]) -> None:
        self.status = status
        self.type: str = str(body.get("type", ""))
        self.title: str = str(body.get("title", ""))
        self.detail: str = str(body.get("detail", ""))
        self.request_id: Optional[str] = body.get("requestId")
        self.violations: List[Violation] = [
            Violation(str(v.get("path", "")), str(v.get("rule", "")), str(v.get("message", "")))
            for v in body.get("violations", []) or []
        ]
        super().__init__(self._text())

    def _text(self) -> str:
        lines = [f"{self.status} {self.title}: {self.detail}"]
        lines += [f"  {v.path}: {v.message}" for v in self.violations]
        if self.request_id:
            lines.append(f"  (request id {self.request_id})")
        return "\n".join(lines)


class ScanFailed(GatewayError):
    """The scan's file could not be written; ``reason`` says why."""

    def __init__(self, scan_id: str, reason: str) -> None:
        self.scan_id = scan_id
        self.reason = reason
        super().__init__(f"scan {scan_id} failed: {reason}")
