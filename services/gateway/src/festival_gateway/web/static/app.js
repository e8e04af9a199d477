// Small progressive enhancements; every page works without them except uploads.
"use strict";
(function () {
  const lang = document.body.dataset.lang;
  const tr = (zh, en) => (lang === "zh" ? zh : en);
  // The platform's clock may be moved (demos, tests): count down from the server's "now", not the browser's.
  const skew = Date.parse(document.body.dataset.now) - Date.now();

  function remaining(ms) {
    if (ms <= 0) return tr("已过", "passed");
    const d = Math.floor(ms / 86400000), h = Math.floor(ms / 3600000) % 24, m = Math.floor(ms / 60000) % 60;
    return tr(`还有 ${d} 天 ${h} 小时 ${m} 分`, `${d} d ${h} h ${m} min left`);
  }
  function tick() {
    for (const el of document.querySelectorAll(".countdown[data-deadline]")) {
      const left = Date.parse(el.dataset.deadline) - (Date.now() + skew);
      el.textContent = remaining(left);
      el.classList.toggle("passed", left <= 0);
    }
  }
  tick(); setInterval(tick, 30000);

  // Team editor: add and remove rows, never past the edition's limit (shown before it is hit).
  function renumber(fs) {
    const rows = fs.querySelectorAll(".team-row");
    rows.forEach((row, i) => {
      for (const input of row.querySelectorAll("input")) {
        const base = input.name + "_" + (i + 1);
        const label = row.querySelector(`label[for="${input.id}"]`);
        input.id = base;
        if (label) { label.htmlFor = base; label.textContent = label.textContent.replace(/\d+$/, String(i + 1)); }
      }
    });
    const max = Number(fs.dataset.max), full = rows.length >= max;
    fs.querySelector(".add").disabled = full;
    fs.querySelector(".limit-hit").hidden = !full;
    fs.querySelector(".limit").textContent = tr(`最多 ${max} 人，已列 ${rows.length} 行`, `at most ${max}, ${rows.length} listed`);
  }
  for (const fs of document.querySelectorAll("fieldset.team:not(.frozen)")) {
    fs.addEventListener("click", (ev) => {
      const list = fs.querySelector(".team-rows");
      if (ev.target.classList.contains("add")) {
        const row = list.lastElementChild.cloneNode(true);
        for (const input of row.querySelectorAll("input")) input.value = "";
        list.appendChild(row); renumber(fs); row.querySelector("input").focus();
      } else if (ev.target.classList.contains("remove")) {
        const row = ev.target.closest(".team-row");
        if (list.children.length > 1) row.remove(); else for (const i of row.querySelectorAll("input")) i.value = "";
        renumber(fs); fs.querySelector(".add").focus();
      }
    });
    renumber(fs);
  }

  // Inspection checklists: fetched again every 2 s while one is still running.
  const section = document.getElementById("files-section");
  async function refresh() {
    const reply = await fetch(`/web/works/${section.dataset.work}/inspection`, { credentials: "same-origin" });
    if (!reply.ok) return;
    const doc = new DOMParser().parseFromString(await reply.text(), "text/html");
    for (const fresh of doc.querySelectorAll(".inspection[data-slot]")) {
      const old = section.querySelector(`.inspection[data-slot="${fresh.dataset.slot}"]`);
      if (old) old.replaceWith(document.importNode(fresh, true));
    }
    if (doc.getElementById("inspections").dataset.running === "1") setTimeout(refresh, 2000);
  }
  if (section && section.querySelector('.inspection[data-done="0"]')) setTimeout(refresh, 2000);
  window.festivalRefreshInspection = () => section && setTimeout(refresh, 1000);

  // Audit runs: fetched again every 2 s while one is still reading the log (the start button waits for it).
  const runs = document.getElementById("audit-runs");
  async function refreshRuns() {
    const reply = await fetch("/web/audit/runs", { credentials: "same-origin" });
    if (!reply.ok) return;
    const doc = new DOMParser().parseFromString(await reply.text(), "text/html");
    const fresh = doc.getElementById("audit-runs");
    document.getElementById("audit-runs").replaceWith(document.importNode(fresh, true));
    if (fresh.dataset.running === "1") setTimeout(refreshRuns, 2000);
    else {
      const hint = document.getElementById("run-hint");
      for (const id of ["start-run", "start-replay"]) {
        const button = document.getElementById(id);
        if (button) button.disabled = false;
      }
      if (hint) hint.hidden = true;
    }
  }
  if (runs && runs.dataset.running === "1") setTimeout(refreshRuns, 2000);
})();
