"""HTTP gateway: authenticates, authorises, validates HTTP input and translates it to the services' gRPC.

`create_app(settings, token_secret)` builds the FastAPI app; `python -m festival_gateway` serves it.
"""

from festival_gateway.app import create_app

__all__ = ["create_app"]
