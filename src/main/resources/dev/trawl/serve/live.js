// The live view: polls /api/live (the JSON of `trawl status --db ... --json`) once a second and redraws.
// Everything from the server is put in the page as text (textContent), never as HTML.
"use strict";
(function () {
  const history = [];
  const MAX_POINTS = 120;
  const state = document.getElementById("live-state");
  const totals = document.getElementById("live-totals");
  const processes = document.querySelector("#live-processes tbody");
  const errors = document.querySelector("#live-errors tbody");
  const chart = document.getElementById("live-rate");
  const SVG = "http://www.w3.org/2000/svg";

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function num(n) { return Number(n).toLocaleString("en-US"); }
  function ms(v) { return v === null || v === undefined ? "-" : (v < 10 ? v.toFixed(1) : Math.round(v)) + "ms"; }

  function card(key, label, value) {
    const c = el("div", undefined, "card");
    c.dataset.key = key;
    c.appendChild(el("div", value, "value"));
    c.appendChild(el("div", label, "label"));
    return c;
  }

  function drawTotals(t) {
    totals.replaceChildren(
      card("pages", "pages", num(t.pages)),
      card("rate", "pages/s", t.pages_per_second.toFixed(1)),
      card("in_flight", "in flight", num(t.in_flight)),
      card("queued", "queued", num(t.queued)),
      card("errors", "errors", num(t.errors)),
      card("p50", "p50", ms(t.latency_ms.p50)),
      card("p95", "p95", ms(t.latency_ms.p95)));
  }

  function drawProcesses(list) {
    processes.replaceChildren(...list.map(p => {
      const tr = el("tr");
      const c = p.counters;
      [String(p.pid), p.state, num(c.pages), c.pages_per_second.toFixed(1), num(c.in_flight), num(c.queued),
        num(c.errors), ms(c.latency_ms.p50), ms(c.latency_ms.p95)].forEach((v, i) => tr.appendChild(el("td", v, i > 1 ? "num" : "")));
      return tr;
    }));
  }

  function drawErrors(kinds) {
    const rows = Object.entries(kinds).map(([k, n]) => {
      const tr = el("tr");
      tr.appendChild(el("td", k));
      tr.appendChild(el("td", num(n), "num"));
      return tr;
    });
    if (rows.length === 0) rows.push(el("tr")), rows[0].appendChild(el("td", "none", "muted"));
    errors.replaceChildren(...rows);
  }

  function drawChart() {
    const w = 1280, h = 180, left = 48, bottom = 22, top = 8;
    const max = Math.max(1, ...history);
    const slot = (w - left) / MAX_POINTS;
    const parts = [];
    const line = (y) => { const l = document.createElementNS(SVG, "line"); l.setAttribute("class", "grid");
      l.setAttribute("x1", left); l.setAttribute("x2", w); l.setAttribute("y1", y); l.setAttribute("y2", y); return l; };
    const label = (x, y, text, anchor) => { const t = document.createElementNS(SVG, "text"); t.setAttribute("class", "axis");
      t.setAttribute("x", x); t.setAttribute("y", y); t.setAttribute("text-anchor", anchor); t.textContent = text; return t; };
    parts.push(line(top), line(h - bottom), label(left - 6, top + 4, max.toFixed(0), "end"), label(left - 6, h - bottom, "0", "end"));
    history.forEach((v, i) => {
      const r = document.createElementNS(SVG, "rect");
      const bh = Math.max(v > 0 ? 1 : 0, v / max * (h - bottom - top));
      r.setAttribute("class", "bar");
      r.setAttribute("x", left + (MAX_POINTS - history.length + i) * slot);
      r.setAttribute("width", Math.max(1, slot * 0.8));
      r.setAttribute("y", h - bottom - bh);
      r.setAttribute("height", bh);
      parts.push(r);
    });
    chart.replaceChildren(...parts);
  }

  async function refresh() {
    try {
      const res = await fetch("/api/live", { cache: "no-store" });
      if (!res.ok) throw new Error("HTTP " + res.status);
      const report = await res.json();
      const running = report.processes.filter(p => p.state === "running").length;
      state.textContent = report.processes.length === 0
        ? "no crawl of this database is running on this machine (counters directory: " + state.dataset.runDir + ")"
        : running + " running, " + (report.processes.length - running) + " finished or stale; updated " + report.time;
      state.dataset.updated = report.time;
      drawTotals(report.total);
      drawProcesses(report.processes);
      drawErrors(report.total.errors_by_kind);
      history.push(report.total.pages_per_second);
      if (history.length > MAX_POINTS) history.shift();
      drawChart();
    } catch (e) {
      state.textContent = "cannot read the live counters: " + e.message;
    }
  }
  refresh();
  setInterval(refresh, 1000);
})();
