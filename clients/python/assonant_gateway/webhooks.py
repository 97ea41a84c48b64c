"""For a receiver of the gateway's webhooks: check that a delivery is the
gateway's. Each delivery is a POST whose ``X-Assonant-Signature`` header is
``sha256=`` and the hex HMAC-SHA256 of the body with the webhook's secret
(shown once, when the webhook was made). Deduplicate on
``X-Assonant-Delivery``: every retry of one delivery carries the same id."""
from __future__ import annotations

import hashlib
import hmac
from typing import Union


def signature_of(secret: str, body: Union[bytes, str]) -> str:
    """The ``X-Assonant-Signature`` the gateway sends with ``body``."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    return "sha256=" + hmac.new(secret.encode("utf-8"), data, hashlib.sha256).hexdigest()


def verify_signature(secret: str, body: Union[bytes, str], signature: str) -> bool:
    """Whether ``signature`` (the header, as sent) is the gateway's for ``body``; constant time."""
    return hmac.compare_digest(signature_of(secret, body), signature)
