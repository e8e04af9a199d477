"""`python -m festival_gateway`: serve the gateway with uvicorn on the stack's gateway port."""

from __future__ import annotations

import os

import structlog
import uvicorn

from festival_gateway.app import create_app
from festival_gateway.keys import token_secret
from festival_kit import logs
from festival_kit.settings import Settings

# uvicorn's own lines (start, stop, errors) as JSON too; its access log is off: the gateway logs each
# request itself, with its correlation id.
_STAMPS = [structlog.contextvars.merge_contextvars, structlog.processors.add_log_level,
           structlog.processors.TimeStamper(fmt="iso", utc=True)]
UVICORN_LOGS = {
    "version": 1, "disable_existing_loggers": False,
    "formatters": {"json": {"()": structlog.stdlib.ProcessorFormatter, "foreign_pre_chain": _STAMPS,
                            "processor": structlog.processors.JSONRenderer(ensure_ascii=False)}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
    "loggers": {"uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False}},
}  # fmt: skip


def main() -> None:
    settings = Settings()
    log = logs.configure("gateway")
    app = create_app(settings, token_secret(settings.data_dir))
    host = os.environ.get("FESTIVAL_HTTP_HOST", "127.0.0.1")
    port = settings.ports.of("gateway")
    log.info("gateway.starting", http=f"{host}:{port}")
    uvicorn.run(app, host=host, port=port, access_log=False, log_config=UVICORN_LOGS, proxy_headers=False)


if __name__ == "__main__":
    main()
