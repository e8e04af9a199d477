// Uploads straight to object storage: checked in the page first (size, kind: nothing is sent when wrong),
// one presigned PUT for small files, presigned parts for the film. Each stored part's ETag is kept in
// localStorage, so after a failure, a reload or a closed tab the same file continues from the parts
// already stored; a failed part is tried again before the upload gives up. Presigned URLs live minutes:
// the page asks for fresh ones (…/renew) before a part when they are about to expire, and again when the
// store answers 403, so a film on a slow line takes as long as it needs.
"use strict";
(function () {
  const section = document.getElementById("files-section");
  if (!section || !document.getElementById("upload-text")) return;
  const text = JSON.parse(document.getElementById("upload-text").textContent);
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const lang = document.body.dataset.lang;
  const skew = Date.parse(document.body.dataset.now) - Date.now();
  const work = section.dataset.work;
  const PARALLEL = 3, TRIES = 3;
  const fill = (s, v) => s.replace(/\{(\w+)\}/g, (_, k) => v[k]);
  const size = (n) => (n >= 1048576 ? (n / 1048576).toFixed(1) + " MB" : Math.round(n / 1024) + " KB");
  const ascii = (b, from, to) => String.fromCharCode(...b.slice(from, to));
  const MAGIC = {
    mp4: (b) => ascii(b, 4, 8) === "ftyp",
    jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
    pdf: (b) => ascii(b, 0, 5) === "%PDF-",
    png: (b) => b[0] === 0x89 && ascii(b, 1, 4) === "PNG",
  };
  let active = 0;

  async function kindOk(file, kinds) {
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    return kinds.includes("*") || kinds.some((k) => MAGIC[k] && MAGIC[k](head));
  }

  async function api(path, body) {
    const reply = await fetch(path, {
      method: "POST", credentials: "same-origin", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
    });
    const data = await reply.json().catch(() => ({}));
    if (!reply.ok) throw new Error(data.code ? (lang === "zh" ? data.message_zh : data.message_en) : "HTTP " + reply.status);
    return data;
  }

  function put(url, blob, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("PUT", url);
      xhr.upload.onprogress = (ev) => onProgress(ev.loaded);
      xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve(xhr.getResponseHeader("ETag") || "")
        : reject(Object.assign(new Error("HTTP " + xhr.status), { status: xhr.status })));
      xhr.onerror = () => reject(new Error(lang === "zh" ? "网络错误" : "network error"));
      xhr.send(blob);
    });
  }

  // urlFor(expired) gives the URL to send to: fresh ones first when the store refused the last as expired.
  async function putRetried(urlFor, blob, onProgress) {
    let expired = false;
    for (let attempt = 1; ; attempt++) {
      try { return await put(await urlFor(expired), blob, onProgress); } catch (problem) {
        onProgress(0);
        if (attempt >= TRIES) throw problem;
        expired = problem.status === 403;
        await new Promise((r) => setTimeout(r, 400 * 2 ** attempt));
      }
    }
  }

  const prefix = (slot) => `festival-upload:${work}:${slot}:`;
  const storeKey = (slot, file) => prefix(slot) + `${file.name}:${file.size}:${file.lastModified}`;
  const lasting = (ticket, ms) => Date.parse(ticket.expires_at) - (Date.now() + skew) > ms;
  const renewals = {};

  // Fresh URLs for the parts not stored yet (one request at a time per upload), kept with the ETags.
  function renew(key, saved) {
    const id = saved.ticket.upload_id;
    renewals[id] = renewals[id] || (async () => {
      const pending = saved.ticket.parts.map((p) => p.part_number).filter((n) => !saved.parts[n]);
      const fresh = await api(`/web/api/works/${work}/uploads/${id}/renew`, { part_numbers: pending });
      const urls = new Map(fresh.parts.map((p) => [p.part_number, p.url]));
      saved.ticket.parts = saved.ticket.parts.map((p) => ({ ...p, url: urls.get(p.part_number) || p.url }));
      Object.assign(saved.ticket, { url: fresh.url, expires_at: fresh.expires_at });
      localStorage.setItem(key, JSON.stringify(saved));
    })().finally(() => { delete renewals[id]; });
    return renewals[id];
  }

  // The URL of part n (0: the single PUT), renewed first when it expires within a minute or was refused.
  function urlOf(key, saved, n) {
    return async (expired) => {
      if (expired || !lasting(saved.ticket, 60 * 1000)) await renew(key, saved);
      return n ? saved.ticket.parts.find((p) => p.part_number === n).url : saved.ticket.url;
    };
  }

  function ui(card) {
    const el = (sel) => card.querySelector(sel);
    return {
      error(message) { el(".upload-error").textContent = message; el(".upload-error").hidden = false; },
      clear() { el(".upload-error").hidden = true; },
      show(message, percent) {
        el(".progress").hidden = false; el(".progress-text").textContent = message;
        if (percent !== undefined) el("progress").value = percent;
      },
    };
  }

  async function ticketFor(card, file) {
    const key = storeKey(card.dataset.slot, file);
    const saved = JSON.parse(localStorage.getItem(key) || "null");
    if (saved) {
      try {
        if (!lasting(saved.ticket, 60 * 1000)) await renew(key, saved);
        return [key, saved];
      } catch (gone) {
        localStorage.removeItem(key); // confirmed elsewhere or no longer known: start again
      }
    }
    const ticket = await api(`/web/api/works/${work}/files/${card.dataset.slot}/uploads`, { filename: file.name, size: file.size });
    const fresh = { ticket, parts: {} };
    localStorage.setItem(key, JSON.stringify(fresh));
    return [key, fresh];
  }

  async function sendParts(file, key, saved, report) {
    const { ticket } = saved, partSize = ticket.part_size;
    const pending = ticket.parts.filter((p) => !saved.parts[p.part_number]);
    const inFlight = {};
    let stored = ticket.parts.filter((p) => saved.parts[p.part_number])
      .reduce((sum, p) => sum + file.slice((p.part_number - 1) * partSize, p.part_number * partSize).size, 0);
    const shown = () => report(stored + Object.values(inFlight).reduce((a, b) => a + b, 0));
    async function worker() {
      for (let p = pending.shift(); p; p = pending.shift()) {
        const n = p.part_number, blob = file.slice((n - 1) * partSize, n * partSize);
        const etag = await putRetried(urlOf(key, saved, n), blob, (loaded) => { inFlight[n] = loaded; shown(); });
        saved.parts[n] = etag; localStorage.setItem(key, JSON.stringify(saved));
        delete inFlight[n]; stored += blob.size; shown();
      }
    }
    shown();
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    return Object.entries(saved.parts).map(([n, etag]) => ({ part_number: Number(n), etag }));
  }

  async function upload(card) {
    const view = ui(card), file = card.querySelector('input[type="file"]').files[0];
    view.clear();
    if (!file) return view.error(text.choose);
    const kinds = card.dataset.kinds.split(","), max = Number(card.dataset.max);
    if (file.size === 0) return view.error(text.empty);
    if (file.size > max) return view.error(fill(text.too_large, { max: size(max), size: size(file.size) }));
    if (!(await kindOk(file, kinds))) return view.error(fill(text.wrong_kind, { kinds: kinds.map((k) => k.toUpperCase()).join(" / ") }));
    const button = card.querySelector(".start-upload");
    button.disabled = true; active++;
    view.show(text.preparing, 0);
    try {
      const [key, saved] = await ticketFor(card, file);
      const started = Date.now(), already = Object.keys(saved.parts).length * (saved.ticket.part_size || 0);
      const report = (done) => {
        const seconds = Math.max((Date.now() - started) / 1000, 0.001), speed = Math.max(done - already, 0) / seconds;
        const left = speed > 0 ? Math.ceil((file.size - done) / speed) : 0;
        view.show(fill(text.progress, { done: size(done), total: size(file.size), speed: size(speed),
          left: left >= 60 ? `${Math.floor(left / 60)}′${left % 60}″` : `${left}″` }), Math.floor((100 * done) / file.size));
      };
      let parts = [];
      if (saved.ticket.multipart) parts = await sendParts(file, key, saved, report);
      else await putRetried(urlOf(key, saved, 0), file, report);
      view.show(text.checking, 100);
      try {
        await api(`/web/api/works/${work}/uploads/${saved.ticket.upload_id}/confirm`, { parts });
      } finally {
        localStorage.removeItem(key); // confirmed, or refused for good: either way this ticket is spent
      }
      view.show(text.done, 100);
      card.dataset.uploaded = "1";
      if (--active === 0) location.reload();
    } catch (problem) {
      active--;
      view.error(fill(text.failed, { why: problem.message }));
    } finally {
      button.disabled = false;
    }
  }

  for (const card of section.querySelectorAll("article.slot")) {
    const button = card.querySelector(".start-upload");
    if (!button) continue;
    button.addEventListener("click", () => upload(card));
    const waiting = Object.keys(localStorage).some((k) => k.startsWith(prefix(card.dataset.slot)));
    card.querySelector(".resume-note").hidden = !waiting;
  }
})();
