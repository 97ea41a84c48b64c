"""HTTP with the retries that are safe here: 503, 429 and connection errors
are tried again with exponential backoff (honouring ``Retry-After``), with the
same body and the same ``Idempotency-Key``, so a retry can never store an
event twice. Standard library only (urllib)."""
from __future__ import annotations

import json
import random
import time
import urllib.error
import urllib.request
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from .problems import GatewayError, GatewayProblem

RETRIED_STATUSES = (429, 503)


class Retry:
    """How many times, and how long between: ``base`` doubling up to ``cap`` seconds, with jitter."""

    def __init__(self, attempts: int = 8, base: float = 0.2, cap: float = 10.0) -> None:
        self.attempts = attempts
        self.base = base
        self.cap = cap

    def delay(self, attempt: int, retry_after: Optional[str]) -> float:
        if retry_after is not None:
            try:
                return min(self.cap, max(0.0, float(retry_after)))
            except ValueError:
                pass
        return min(self.cap, self.base * (2 ** attempt)) * (0.5 + random.random() / 2)


class Response:
    def __init__(self, status: int, headers: Mapping[str, str], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8")) if self.body else None


class Transport:
    def __init__(
        self,
        base_url: str,
        api_key: Optional[str] = None,
        timeout: float = 60.0,
        retry: Optional[Retry] = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.retry = retry or Retry()
        self.sleep = sleep
        #: How many retries each call needed: the last call's, for tests and logs.
        self.last_retries = 0

    def request(
        self,
        method: str,
        path: str,
        body: Optional[bytes] = None,
        content_type: str = "application/json",
        headers: Optional[Dict[str, str]] = None,
    ) -> Response:
        sent = dict(headers or {})
        if body is not None:
            sent["Content-Type"] = content_type
        if self.api_key is not None:
            sent["Authorization"] = f"Bearer {self.api_key}"
        self.last_retries = 0
        for attempt in range(self.retry.attempts):
            outcome = self._once(method, path, body, sent)
            status, retry_after = outcome[0], outcome[1]
            last = attempt == self.retry.attempts - 1
            if status is not None and status not in RETRIED_STATUSES:
                return self._answer(outcome)
            if last:
                if status is None:
                    raise GatewayError(f"{method} {self.base_url}{path}: {outcome[3]}")
                return self._answer(outcome)
            self.last_retries += 1
            self.sleep(self.retry.delay(attempt, retry_after))
        raise GatewayError("unreachable")  # pragma: no cover

    def _once(
        self, method: str, path: str, body: Optional[bytes], headers: Dict[str, str]
    ) -> Tuple[Optional[int], Optional[str], Optional[Response], str]:
        request = urllib.request.Request(
            f"{self.base_url}{path}", data=body, method=method, headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                response = Response(reply.status, reply.headers, reply.read())
                return response.status, None, response, ""
        except urllib.error.HTTPError as error:
            response = Response(error.code, error.headers, error.read())
            return error.code, error.headers.get("Retry-After"), response, ""
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            return None, None, None, f"cannot reach the gateway ({reason})"

    @staticmethod
    def _answer(outcome: Tuple[Optional[int], Optional[str], Optional[Response], str]) -> Response:
        response = outcome[2]
        assert response is not None
        if response.status >= 400:
            try:
                problem = response.json()
            except ValueError:
                problem = None
            if not isinstance(problem, dict):
                problem = {"title": "Error", "detail": response.body.decode("utf-8", "replace")}
            raise GatewayProblem(response.status, problem)
        return response
