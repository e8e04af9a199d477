"""Students and admins driving the HTTP API the way people do when the platform stumbles: an answer that
never came or a 5xx is "in doubt" and recorded as such in a Ledger; a refused connection sent nothing and
is tried again; a 401 (the gateway restarted, the token is still good, or it expired) signs in again.
Used by the chaos test and the deadline-burst bench."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx
import media

from flows import DRAFT, consent_body

STEP_S = 120.0  # one step (a create, an upload) must get through in this long, however often it meets a 5xx
SLOTS = (("film", "作品.mp4"), ("cover", "封面.jpg"), ("application_form", "申报表.pdf"),
         ("copyright_declaration", "声明.pdf"))


@dataclass
class Ledger:
    """What each command got. `acked` holds (kind, work, key) of every 2xx, `doubted` of every 5xx or lost
    answer; edits per work in the order sent: (title, True for 2xx, None in doubt). A refusal (4xx) changed
    nothing and is not kept."""

    created: dict[str, str] = field(default_factory=dict)
    doubtful_creates: list[str] = field(default_factory=list)
    edits: dict[str, list[tuple[str, bool | None]]] = field(default_factory=dict)
    acked: set[tuple[str, str, str | int]] = field(default_factory=set)
    doubted: set[tuple[str, str, str | int]] = field(default_factory=set)
    statuses: Counter = field(default_factory=Counter)
    finished: set[str] = field(default_factory=set)

    def answered(self, status: int | str, kind: str, work_id: str, key: str | int) -> None:
        if isinstance(status, int) and status < 300:
            self.acked.add((kind, work_id, key))
        elif in_doubt(status):
            self.doubted.add((kind, work_id, key))

    def acked_titles(self, work_id: str) -> list[str]:
        return [title for title, ok in self.edits.get(work_id, []) if ok]

    def possible_finals(self, work_id: str) -> set[str]:
        """The titles the work may show: the last acknowledged one, or one in doubt sent after it."""
        edits = self.edits.get(work_id, [])
        last = max((i for i, (_, ok) in enumerate(edits) if ok), default=-1)
        base = edits[last][0] if last >= 0 else self.created[work_id]
        return {base} | {title for title, ok in edits[last + 1:] if ok is None}


class Session:
    """One person's session that signs in again whenever its answer says so (the gateway restarted)."""

    def __init__(self, client: httpx.AsyncClient, stack, role: str, ledger: Ledger):
        self.client, self.stack, self.role, self.ledger, self.headers = client, stack, role, ledger, {}

    async def login(self) -> None:
        body = {"username": self.stack.demo_accounts()[self.role], "password": self.stack.demo_password()}
        for _ in range(200):
            try:
                reply = await self.client.post("/auth/login", json=body)
                if reply.status_code == 200:
                    self.headers = {"Authorization": f"Bearer {reply.json()['token']}"}
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.5)
        raise AssertionError(f"{self.role} could not sign in")

    async def send(self, method: str, path: str, body: dict | None = None,
                   retry_connect: bool = True) -> tuple[int | str, dict]:
        """The answer's status (or the error's name when none came) and body. A refused connection sent
        nothing, so it is tried again (unless `retry_connect` is False: a bench counts it); after a 5xx the
        person pauses a moment, as a person would."""
        for _ in range(600):
            try:
                reply = await self.client.request(method, path, json=body, headers=self.headers)
                break
            except (httpx.ConnectError, httpx.ConnectTimeout) as error:
                if not retry_connect:
                    self.ledger.statuses[type(error).__name__] += 1
                    return type(error).__name__, {}
                await asyncio.sleep(0.1)
            except httpx.HTTPError as error:
                await asyncio.sleep(0.2)
                self.ledger.statuses[type(error).__name__] += 1
                return type(error).__name__, {}
        else:
            return "gave up connecting", {}
        self.ledger.statuses[reply.status_code] += 1
        if reply.status_code == 401:
            await self.login()
        if reply.status_code >= 500:
            await asyncio.sleep(0.2)
        return reply.status_code, (reply.json() if reply.headers.get("content-type", "").startswith("application/json") else {})

    async def read(self, path: str) -> dict:
        """A GET, repeated until it answers 200 (reads change nothing)."""
        for _ in range(600):
            status, body = await self.send("GET", path)
            if status == 200:
                return body
            await asyncio.sleep(0.3)
        raise AssertionError(f"GET {path} never answered 200")


async def every_row(session: Session, path: str, field: str, page: int = 500) -> list[dict]:
    """A paged list (GET /works, GET /review/queue) page after page, in its own order."""
    rows, after, joint = [], "", "&" if "?" in path else "?"
    while True:
        body = await session.read(f"{path}{joint}limit={page}&after={after}")
        rows += body[field]
        if not (after := body["next_after"]):
            return rows


def in_doubt(status: int | str) -> bool:
    return not (isinstance(status, int) and status < 500)


@dataclass
class Files:
    film: bytes
    cover: bytes
    form: bytes  # one signed form, scanned once and sent for both slots (intake checks the kind, not the text)

    @classmethod
    async def of(cls, session: Session, film: bytes) -> Files:
        """The film given, a generated cover, and the application form of a throwaway draft as the scan."""
        status, work = await session.send("POST", "/works", DRAFT)
        assert status == 201, (status, work)
        form = await session.client.get(f"/works/{work['id']}/forms/application_form", headers=session.headers)
        assert form.status_code == 200, form.text
        return cls(film, media.image(640, 480), form.content)

    def of_slot(self, slot: str) -> bytes:
        return {"film": self.film, "cover": self.cover}.get(slot, self.form)


class Student:
    """Takes works through drafting, editing, uploads and submitting."""

    def __init__(self, session: Session, ledger: Ledger, files: Files, consent: dict):
        self.s, self.ledger, self.files, self.consent = session, ledger, files, consent
        self.numbers, self.edits = itertools.count(), itertools.count(1)

    async def prepared(self) -> str:
        """A new draft, edited once, with every required file confirmed; its id."""
        work_id = await self.create()
        await self.edit(work_id)
        for slot, filename in SLOTS:
            await self.upload(work_id, slot, filename, self.files.of_slot(slot))
        return work_id

    async def create(self) -> str:
        """Each attempt a new title, so an attempt in doubt can be found (or not) afterwards."""
        deadline = time.monotonic() + STEP_S
        while time.monotonic() < deadline:
            title = f"混沌-{next(self.numbers)}"
            status, body = await self.s.send("POST", "/works", {**DRAFT, "title": title})
            if status == 201:
                self.ledger.created[body["id"]] = title
                return body["id"]
            if in_doubt(status):
                self.ledger.doubtful_creates.append(title)
        raise AssertionError(f"no work could be created in {STEP_S:.0f} s")

    async def edit(self, work_id: str) -> None:
        """One edit of the title; an edit in doubt is not repeated (the check allows either outcome)."""
        current = (await self.s.read(f"/works/{work_id}"))["draft"]
        title = f"{self.ledger.created[work_id]}-改{next(self.edits)}"
        status, _ = await self.s.send("PUT", f"/works/{work_id}", {**_editable(current), "title": title})
        if status == 200 or in_doubt(status):
            self.ledger.edits.setdefault(work_id, []).append((title, True if status == 200 else None))

    async def upload(self, work_id: str, slot: str, filename: str, data: bytes) -> None:
        """Presigned PUT straight to S3, then confirm; repeated until the work shows the slot filled."""
        deadline = time.monotonic() + STEP_S
        while time.monotonic() < deadline:
            status, ticket = await self.s.send("POST", f"/works/{work_id}/files/{slot}/uploads",
                                               {"filename": filename, "size": len(data)})
            if status != 200:
                assert in_doubt(status), (status, ticket)
                continue
            upload_id, parts = ticket["upload_id"], await self.store(ticket, data)
            status, body = await self.s.send("POST", f"/works/{work_id}/uploads/{upload_id}/confirm", {"parts": parts})
            self.ledger.answered(status, "confirm", work_id, upload_id)
            if status == 200 or await self.filled(work_id, slot, upload_id):
                return
            assert in_doubt(status), (status, body)
        raise AssertionError(f"{slot} of {work_id} never confirmed")

    async def store(self, ticket: dict, data: bytes) -> list[dict]:
        """The bytes put straight to S3 (not killed here): one PUT, or one per part."""
        if not ticket["multipart"]:
            stored = await self.s.client.put(ticket["url"], content=data)
            assert stored.status_code == 200, stored.text
            return []
        parts, size = [], ticket["part_size"]
        for part in ticket["parts"]:
            n = part["part_number"]
            stored = await self.s.client.put(part["url"], content=data[(n - 1) * size : n * size])
            assert stored.status_code == 200, stored.text
            parts.append({"part_number": n, "etag": stored.headers["etag"]})
        return parts

    async def filled(self, work_id: str, slot: str, upload_id: str) -> bool:
        files = (await self.s.read(f"/works/{work_id}"))["files"]
        return any(f["slot"] == slot and f["object_key"].endswith(upload_id) for f in files)

    async def submit(self, work_id: str, version: int) -> None:
        """Submit once inspection is through (intake refuses while it runs, and is asked again less and less
        often); a submit in doubt is looked up."""
        for attempt in range(600):
            status, body = await self.s.send("POST", f"/works/{work_id}/submit", self.consent)
            self.ledger.answered(status, "submit", work_id, version)
            if status == 200:
                assert body["version"] == version, body
                return
            if body.get("code") == "inspection_pending":
                await asyncio.sleep(min(1.0 + attempt / 2, 4.0))
                continue
            work = await self.s.read(f"/works/{work_id}")
            if work["status"] == "submitted" and work["version"] == version:
                return  # it had happened: the answer was lost, or this was a second try
            assert in_doubt(status), (status, body)
        raise AssertionError(f"{work_id} never submitted")

    async def until(self, work_id: str, check, timeout: float) -> None:
        """Read the work until `check(work)` holds."""
        deadline = time.monotonic() + timeout
        while not check(await self.s.read(f"/works/{work_id}")):
            assert time.monotonic() < deadline, f"{work_id} not as expected after {timeout:.0f} s"
            await asyncio.sleep(1.0)


def _editable(draft: dict) -> dict:
    return {k: draft[k] for k in DRAFT}


async def consent_of(client: httpx.AsyncClient) -> dict:
    """flows.consent, for an async client."""
    return consent_body((await client.get("/edition")).json())
