#!/usr/bin/python3
"""A real SMTP server for CareFlow's tests, built on aiosmtpd (Debian: python3-aiosmtpd).

Run it with Debian's /usr/bin/python3 (the package is not visible to other Pythons):

    /usr/bin/python3 tests/tools/smtp_server.py --port 2525 --control-port 2526 --dump-dir /tmp/mail

Every accepted message is written to the dump folder as ``<unix-ns>-<seq>.eml``: the DATA content
exactly as received (dot-unstuffed, CRLF kept), written to a temporary name and renamed, so a
reader never sees half a file.

The control API (HTTP on 127.0.0.1:--control-port) tells the server how to misbehave:

    POST /mode  {"mode": "ok"|"tempfail"|"permfail"|"drop-after-data"|"hang"|"authfail",
                 "count": n,          optional: how many messages (connections, for a hang at
                                      connect) get that treatment before the mode reverts to ok;
                                      omitted = until changed
                 "at": "rcpt"|"data"|"connect"}   optional, see below
    GET  /mode                  the current mode
    GET  /messages              [{"file", "messageId", "mailFrom", "rcptTos"}] oldest first
    GET  /stats                 counts of connections, messages, rejections, drops, hangs
    POST /reset                 delete stored messages, mode ok, counters zero, release hangs
    POST /stop-listening        close the SMTP listener and every open SMTP connection
    POST /start-listening       listen again on the same port

Modes:
    ok               250 for everything.
    tempfail         "451 4.3.0 Try again later" at the end of DATA (default) or at RCPT ("at": "rcpt").
    permfail         "550 5.1.1 Mailbox unavailable" at the end of DATA (default) or at RCPT.
    drop-after-data  the message is stored, then the connection is closed with no reply.
    hang             the connection is accepted and nothing is ever sent, not even the greeting
                     (default, "at": "connect"); with "at": "data" the message is stored and the
                     reply to DATA never comes. A hung connection ends when the client gives up,
                     on /reset, on /stop-listening, or after --idle-timeout seconds.
    authfail         credentials are refused: AUTH gets "535 5.7.8 Authentication credentials invalid"
                     and MAIL from an unauthenticated session "530 5.7.0 Authentication required"
                     (a count, if given, counts refusals). In the other modes any login is accepted.
"""

from __future__ import annotations

import argparse
import asyncio
import email.parser
import email.policy
import json
import logging
import os
import threading
import time
import traceback
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, Session

MODES = ("ok", "tempfail", "permfail", "drop-after-data", "hang", "authfail")
DEFAULT_STAGE = {"ok": "data", "tempfail": "data", "permfail": "data", "drop-after-data": "data", "hang": "connect", "authfail": "auth"}
ALLOWED_STAGES = {
    "ok": {"data"},
    "tempfail": {"rcpt", "data"},
    "permfail": {"rcpt", "data"},
    "drop-after-data": {"data"},
    "hang": {"connect", "data"},
    "authfail": {"auth"},
}
TEMPFAIL = "451 4.3.0 Try again later"
PERMFAIL = "550 5.1.1 Mailbox unavailable"

log = logging.getLogger("smtp-server")


class Rig:
    """All mutable state. Touched only from the asyncio loop thread."""

    def __init__(self, dump_dir: Path, host: str, port: int, idle_timeout: float) -> None:
        self.dump_dir = dump_dir
        self.host = host
        self.port = port
        self.idle_timeout = idle_timeout
        self.mode = "ok"
        self.stage = "data"
        self.remaining: int | None = None
        self.seq = 0
        self.envelopes: dict[str, dict[str, Any]] = {}
        self.connections: set[ControlledSMTP] = set()
        self.server: asyncio.AbstractServer | None = None
        self.stats = self._zero_stats()

    @staticmethod
    def _zero_stats() -> dict[str, int]:
        return {
            "connections": 0,
            "messages": 0,
            "tempfailed": 0,
            "permfailed": 0,
            "dropped": 0,
            "hung": 0,
            "authfailed": 0,
        }

    # --- mode -----------------------------------------------------------------------------
    def set_mode(self, mode: str, count: int | None, stage: str | None) -> None:
        self.mode = mode
        self.stage = stage or DEFAULT_STAGE[mode]
        self.remaining = count
        log.info("mode %s at %s, count %s", self.mode, self.stage, "until changed" if count is None else count)

    def mode_info(self) -> dict[str, Any]:
        return {"mode": self.mode, "at": self.stage, "count": self.remaining, "listening": self.server is not None}

    def take(self, stage: str) -> str:
        """The treatment for one message (or connection) reaching `stage`; consumes one count."""
        if self.mode == "ok" or self.stage != stage:
            return "ok"
        mode = self.mode
        if self.remaining is not None:
            self.remaining -= 1
            if self.remaining <= 0:
                self.set_mode("ok", None, None)
        return mode

    # --- storage --------------------------------------------------------------------------
    def store(self, envelope: Envelope) -> str:
        self.seq += 1
        name = f"{time.time_ns()}-{self.seq:06d}.eml"
        temp = self.dump_dir / f".{name}.tmp"
        with open(temp, "wb") as f:
            f.write(envelope.original_content or b"")
        os.replace(temp, self.dump_dir / name)
        self.envelopes[name] = {"mailFrom": envelope.mail_from, "rcptTos": list(envelope.rcpt_tos)}
        self.stats["messages"] += 1
        log.info("stored %s from %s to %s", name, envelope.mail_from, envelope.rcpt_tos)
        return name

    def messages(self) -> list[dict[str, Any]]:
        def key(p: Path) -> tuple[int, int]:
            ns, _, seq = p.stem.partition("-")
            return (int(ns), int(seq)) if ns.isdigit() and seq.isdigit() else (0, 0)

        parser = email.parser.BytesHeaderParser(policy=email.policy.compat32)
        result = []
        for path in sorted(self.dump_dir.glob("*.eml"), key=key):
            try:
                with open(path, "rb") as f:
                    headers = parser.parse(f)
            except FileNotFoundError:
                continue
            message_id = headers.get("Message-ID")
            entry = {"file": path.name, "messageId": message_id.strip() if message_id else None}
            entry.update(self.envelopes.get(path.name, {"mailFrom": None, "rcptTos": None}))
            result.append(entry)
        return result

    def reset(self) -> None:
        for path in self.dump_dir.iterdir():
            if path.name.endswith(".eml") or path.name.endswith(".tmp"):
                path.unlink(missing_ok=True)
        self.envelopes.clear()
        self.stats = self._zero_stats()
        self.set_mode("ok", None, None)
        for connection in list(self.connections):
            if connection.hanging:
                connection.drop()
        log.info("reset")

    # --- listener -------------------------------------------------------------------------
    async def start_listening(self) -> None:
        if self.server is not None:
            return
        loop = asyncio.get_running_loop()
        self.server = await loop.create_server(
            lambda: ControlledSMTP(self), host=self.host, port=self.port, reuse_address=True
        )
        log.info("SMTP listening on %s:%d", self.host, self.port)

    async def stop_listening(self) -> None:
        if self.server is None:
            return
        server, self.server = self.server, None
        server.close()
        for connection in list(self.connections):
            connection.drop()
        await server.wait_closed()
        log.info("SMTP listener stopped")


class Handler:
    """aiosmtpd hooks: accept any sender and recipient, apply the rig's mode."""

    def __init__(self, rig: Rig) -> None:
        self.rig = rig

    async def handle_MAIL(self, server: ControlledSMTP, session: Session, envelope: Envelope, address: str, mail_options: list[str]) -> str:
        if not session.authenticated and self.rig.take("auth") == "authfail":
            self.rig.stats["authfailed"] += 1
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        server.rcpt_treatment = None
        return "250 OK"

    async def handle_RCPT(self, server: ControlledSMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]) -> str:
        # One decision per transaction, so a count means messages, not recipients.
        if server.rcpt_treatment is None:
            server.rcpt_treatment = self.rig.take("rcpt")
        if server.rcpt_treatment == "tempfail":
            self.rig.stats["tempfailed"] += 1
            return TEMPFAIL
        if server.rcpt_treatment == "permfail":
            self.rig.stats["permfailed"] += 1
            return PERMFAIL
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server: ControlledSMTP, session: Session, envelope: Envelope) -> str:
        server.rcpt_treatment = None
        treatment = self.rig.take("data")
        if treatment == "tempfail":
            self.rig.stats["tempfailed"] += 1
            return TEMPFAIL
        if treatment == "permfail":
            self.rig.stats["permfailed"] += 1
            return PERMFAIL
        name = self.rig.store(envelope)
        if treatment == "drop-after-data":
            self.rig.stats["dropped"] += 1
            log.info("dropping connection after DATA of %s", name)
            server.drop()
            await server.hang_forever()
        if treatment == "hang":
            self.rig.stats["hung"] += 1
            log.info("hanging after DATA of %s", name)
            await server.hang_forever()
        return "250 2.0.0 OK: queued as " + name


def check_login(server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any) -> AuthResult:
    rig: Rig = server.rig  # type: ignore[attr-defined]
    if rig.take("auth") == "authfail":
        rig.stats["authfailed"] += 1
        return AuthResult(success=False, handled=False)
    return AuthResult(success=True)


class ControlledSMTP(SMTP):
    def __init__(self, rig: Rig) -> None:
        super().__init__(
            Handler(rig),
            hostname="careflow-test-smtp",
            enable_SMTPUTF8=True,
            decode_data=False,
            timeout=rig.idle_timeout,
            authenticator=check_login,
            auth_require_tls=False,
        )
        self.rig = rig
        self.rcpt_treatment: str | None = None
        self.hanging = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        first = self.transport is None
        super().connection_made(transport)
        if first:
            self.rig.connections.add(self)
            self.rig.stats["connections"] += 1

    def connection_lost(self, error: Exception | None) -> None:
        self.rig.connections.discard(self)
        super().connection_lost(error)

    async def _handle_client(self) -> None:
        if self.rig.take("connect") == "hang":
            self.rig.stats["hung"] += 1
            log.info("%r hanging before the greeting", self.session.peer)
            await self.hang_forever()
        await super()._handle_client()

    async def hang_forever(self) -> None:
        # Cancelled by aiosmtpd when the connection is lost (client gave up, drop(), idle timeout).
        self.hanging = True
        await asyncio.get_running_loop().create_future()

    def drop(self) -> None:
        if self.transport is not None:
            self.transport.close()


class ControlServer(ThreadingHTTPServer):
    # The default backlog of 5 can refuse bursts of test requests on a loaded machine.
    request_queue_size = 128
    daemon_threads = True


class ControlHandler(BaseHTTPRequestHandler):
    rig: Rig
    loop: asyncio.AbstractEventLoop

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature from the base class
        log.info("control: " + format, *args)

    def _on_loop(self, fn: Any) -> Any:
        async def call() -> Any:
            result = fn()
            return await result if asyncio.iscoroutine(result) else result

        return asyncio.run_coroutine_threadsafe(call(), self.loop).result(timeout=30)

    def _reply(self, status: HTTPStatus, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self._guarded(self._get)

    def do_POST(self) -> None:  # noqa: N802 - http.server naming
        self._guarded(self._post)

    def _guarded(self, handler: Any) -> None:
        # An exception must never close the connection without a reply (the test would only see "response ended
        # prematurely"): answer 500 with the traceback, so the failing test names the rig's fault.
        try:
            handler()
        except Exception:  # noqa: BLE001 - reported to the caller and logged
            detail = traceback.format_exc()
            log.error("control API request %s %s failed:\n%s", self.command, self.path, detail)
            try:
                self._reply(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": detail})
            except OSError:
                pass

    def _get(self) -> None:
        routes = {
            "/messages": self.rig.messages,
            "/stats": lambda: dict(self.rig.stats, activeConnections=len(self.rig.connections), listening=self.rig.server is not None),
            "/mode": self.rig.mode_info,
        }
        route = routes.get(self.path.split("?")[0])
        if route is None:
            self._reply(HTTPStatus.NOT_FOUND, {"error": f"no route GET {self.path}"})
            return
        self._reply(HTTPStatus.OK, self._on_loop(route))

    def _read_body(self) -> bytes:
        # .NET's JsonContent is sent chunked, without a Content-Length.
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _post(self) -> None:
        path = self.path.split("?")[0]
        raw = self._read_body()
        if path == "/mode":
            try:
                body = json.loads(raw or b"{}")
                mode = body["mode"]
                count = body.get("count")
                stage = body.get("at")
                if mode not in MODES:
                    raise ValueError(f"mode must be one of {', '.join(MODES)}")
                if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 1):
                    raise ValueError("count must be a positive integer")
                if stage is not None and stage not in ALLOWED_STAGES[mode]:
                    raise ValueError(f"at must be one of {sorted(ALLOWED_STAGES[mode])} for mode {mode}")
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                self._reply(HTTPStatus.BAD_REQUEST, {"error": f"bad mode request: {error!r}"})
                return
            self._on_loop(lambda: self.rig.set_mode(mode, count, stage))
            self._reply(HTTPStatus.OK, self._on_loop(self.rig.mode_info))
            return
        actions = {
            "/reset": self.rig.reset,
            "/stop-listening": self.rig.stop_listening,
            "/start-listening": self.rig.start_listening,
        }
        action = actions.get(path)
        if action is None:
            self._reply(HTTPStatus.NOT_FOUND, {"error": f"no route POST {self.path}"})
            return
        try:
            self._on_loop(action)
        except OSError as error:
            self._reply(HTTPStatus.CONFLICT, {"error": repr(error)})
            return
        self._reply(HTTPStatus.OK, self._on_loop(self.rig.mode_info))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True, help="SMTP port")
    parser.add_argument("--control-port", type=int, required=True, help="HTTP control API port")
    parser.add_argument("--dump-dir", type=Path, required=True, help="folder that receives one .eml per message")
    parser.add_argument("--idle-timeout", type=float, default=300, help="seconds before an idle or hung connection is closed")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    log.setLevel(logging.INFO)
    args.dump_dir.mkdir(parents=True, exist_ok=True)

    rig = Rig(args.dump_dir, args.host, args.port, args.idle_timeout)
    await rig.start_listening()

    ControlHandler.rig = rig
    ControlHandler.loop = asyncio.get_running_loop()
    control = ControlServer((args.host, args.control_port), ControlHandler)
    threading.Thread(target=control.serve_forever, name="control", daemon=True).start()
    log.info("control API on http://%s:%d", args.host, args.control_port)

    await asyncio.get_running_loop().create_future()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
