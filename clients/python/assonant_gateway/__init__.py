"""Client of the Assonant Gateway: beamline scans, devices and PVs in, NeXus files out.

Standard library only. See ``Gateway`` for the calls, ``GatewayDataSender`` for
Assonant's data-sender interface, and ``python3 -m assonant_gateway`` for the
command line."""
from .full_form import full_form
from .gateway import Gateway
from .problems import GatewayError, GatewayProblem, ScanFailed, Violation
from .sender import GatewayDataSender
from .transport import Retry

__all__ = [
    "Gateway",
    "GatewayDataSender",
    "GatewayError",
    "GatewayProblem",
    "Retry",
    "ScanFailed",
    "Violation",
    "full_form",
]
__version__ = "0.1.0"
