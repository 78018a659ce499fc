// eventwire dashboard: vanilla JavaScript, inline SVG, no dependencies.
// Every string from the store (titles, sentences, names) is put in the page with textContent or
// as an SVG text node: never as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const PAGE = 50;
const POLL_MS = 4000;
const FILTERS = ["dyad", "actor", "plover", "cameo", "quad_class", "since", "until", "place", "q"];
const state = { offset: 0, total: 0, events: 0, land: null, chosenEvent: null };

// -- small helpers ------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

function filters() {
  const form = document.getElementById("filters");
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

function setFilters(params) {
  const form = document.getElementById("filters");
  for (const name of FILTERS) form.elements[name].value = params.get(name) || "";
}

async function getJSON(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

function fmt(value, digits) {
  if (value === null || value === undefined) return "";
  return typeof value === "number" && digits !== undefined ? value.toFixed(digits) : String(value);
}

function actorLabel(row, role) {
  return row[`${role}_code`] || row[`${role}_name`] || row[`${role}_text`] || "";
}

// -- timeline -----------------------------------------------------------------------------------

function drawTimeline(data) {
  const box = clear(document.getElementById("timeline"));
  document.getElementById("timeline-title").textContent = data.dyad ? `${data.dyad[0]} \u2013 ${data.dyad[1]}` : "(all events)";
  const days = data.days;
  const width = 1000, height = 220, left = 40, right = 40, top = 10, bottom = 24;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "timeline" });
  box.append(chart);
  if (!days.length) { chart.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle" }, "no dated events")); return; }
  const first = Date.parse(days[0].date), last = Date.parse(days[days.length - 1].date);
  const span = Math.max(1, Math.round((last - first) / 86400000) + 1);
  const step = (width - left - right) / span;
  const middle = top + (height - top - bottom) / 2;
  const most = Math.max(1, ...days.map(d => Math.max(d.q1 + d.q2, d.q3 + d.q4)));
  const scale = (height - top - bottom) / 2 / most;
  chart.append(svg("line", { x1: left, x2: width - right, y1: middle, y2: middle, stroke: "#9aa3ad" }));
  chart.append(svg("text", { x: left - 4, y: top + 8, "text-anchor": "end" }, most));
  chart.append(svg("text", { x: left - 4, y: height - bottom, "text-anchor": "end" }, most));
  chart.append(svg("text", { x: 2, y: top + 20 }, "coop."));
  chart.append(svg("text", { x: 2, y: height - bottom - 10 }, "confl."));
  const points = [];
  for (const day of days) {
    const index = Math.round((Date.parse(day.date) - first) / 86400000);
    const w = Math.max(1, Math.min(step * 0.8, 40)), x = left + index * step + (step - w) / 2;
    let y = middle;
    for (const q of ["q1", "q2"]) { const h = day[q] * scale; y -= h; if (h) chart.append(svg("rect", { x, y, width: w, height: h, class: q })); }
    y = middle;
    for (const q of ["q3", "q4"]) { const h = day[q] * scale; if (h) chart.append(svg("rect", { x, y, width: w, height: h, class: q })); y += h; }
    const bar = svg("rect", { x, y: top, width: w, height: height - top - bottom, fill: "transparent" });
    bar.append(svg("title", {}, `${day.date}: ${day.events} events, cooperation ${day.q1 + day.q2}, conflict ${day.q3 + day.q4}, mean Goldstein ${fmt(day.goldstein, 1)}`));
    chart.append(bar);
    if (day.goldstein !== null) points.push(`${x + w / 2},${middle - (day.goldstein / 10) * (height - top - bottom) / 2}`);
  }
  if (points.length > 1) chart.append(svg("polyline", { points: points.join(" "), fill: "none", stroke: "#1d2430", "stroke-width": 1.5 }));
  chart.append(svg("text", { x: width - right + 4, y: top + 8 }, "+10"));
  chart.append(svg("text", { x: width - right + 4, y: height - bottom }, "\u221210"));
  chart.append(svg("text", { x: left, y: height - 6 }, days[0].date));
  chart.append(svg("text", { x: width - right, y: height - 6, "text-anchor": "end" }, days[days.length - 1].date));
}

// -- map ----------------------------------------------------------------------------------------

function drawMap(geojson) {
  state.places = geojson;
  const box = clear(document.getElementById("map"));
  const width = 720, height = 360;
  const x = lon => (lon + 180) * width / 360, y = lat => (90 - lat) * height / 180;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "map of events" });
  chart.append(svg("rect", { x: 0, y: 0, width, height, class: "ocean" }));
  for (let lon = -180; lon <= 180; lon += 30) chart.append(svg("line", { x1: x(lon), x2: x(lon), y1: 0, y2: height, class: "graticule" }));
  for (let lat = -60; lat <= 90; lat += 30) chart.append(svg("line", { x1: 0, x2: width, y1: y(lat), y2: y(lat), class: "graticule" }));
  if (state.land) {
    const cell = state.land.cell, path = [];
    for (const [lon, lat] of state.land.cells) path.push(`M${x(lon)},${y(lat + cell)}h${cell * 2}v${cell * 2}h${-cell * 2}z`);
    chart.append(svg("path", { d: path.join(""), class: "land" }));
  }
  const features = geojson.features.filter(f => f.geometry && f.geometry.coordinates[0] !== null);
  const most = Math.max(1, ...features.map(f => f.properties.events || 0));
  for (const feature of features) {
    const [lon, lat] = feature.geometry.coordinates, p = feature.properties;
    const g = p.goldstein;
    const colour = g === null || g === undefined ? "#4b5563" : g < 0 ? "#c62828" : "#2e7d32";
    const circle = svg("circle", { cx: x(lon), cy: y(lat), r: 2 + 10 * Math.sqrt((p.events || 0) / most), fill: colour, class: "place" });
    circle.append(svg("title", {}, `${p.name}: ${p.events} events, mentioned in ${p.articles} articles`));
    circle.addEventListener("click", () => { document.getElementById("filters").elements.place.value = p.name; apply(); });
    chart.append(circle);
  }
  box.append(chart);
}

// -- network ------------------------------------------------------------------------------------

function drawNetwork(data) {
  const box = clear(document.getElementById("network"));
  const width = 720, height = 360, cx = width / 2, cy = height / 2, radius = 140;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "actor network" });
  const defs = svg("defs");
  for (const [id, colour] of [["arrow-red", "#c62828"], ["arrow-green", "#2e7d32"], ["arrow-grey", "#6b7280"]]) {
    const marker = svg("marker", { id, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" });
    marker.append(svg("path", { d: "M0,0L10,5L0,10z", fill: colour }));
    defs.append(marker);
  }
  chart.append(defs);
  const weight = new Map();
  for (const edge of data.edges) for (const name of [edge.source, edge.target]) weight.set(name, (weight.get(name) || 0) + edge.events);
  const nodes = [...weight.entries()].sort((a, b) => b[1] - a[1]).slice(0, 18).map(([name]) => name);
  if (!nodes.length) { chart.append(svg("text", { x: cx, y: cy, "text-anchor": "middle" }, "no events between two actors")); box.append(chart); return; }
  const at = new Map(nodes.map((name, i) => {
    const angle = 2 * Math.PI * i / nodes.length - Math.PI / 2;
    return [name, [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle), angle]];
  }));
  const most = Math.max(1, ...data.edges.map(e => e.events));
  for (const edge of data.edges) {
    if (!at.has(edge.source) || !at.has(edge.target)) continue;
    const [x1, y1] = at.get(edge.source), [tx, ty] = at.get(edge.target);
    const length = Math.hypot(tx - x1, ty - y1) || 1, x2 = tx - (tx - x1) * 7 / length, y2 = ty - (ty - y1) * 7 / length;
    const mx = (x1 + x2) / 2 + (cy - (y1 + y2) / 2) * 0.25, my = (y1 + y2) / 2 - (cx - (x1 + x2) / 2) * 0.25;
    const g = edge.goldstein, kind = g === null ? "grey" : g < 0 ? "red" : "green";
    const colour = { red: "#c62828", green: "#2e7d32", grey: "#6b7280" }[kind];
    const path = svg("path", { d: `M${x1},${y1}Q${mx},${my} ${x2},${y2}`, class: "edge", stroke: colour,
      "stroke-width": 1 + 7 * Math.sqrt(edge.events / most), "marker-end": `url(#arrow-${kind})` });
    path.append(svg("title", {}, `${edge.source} \u2192 ${edge.target}: ${edge.events} events (cooperation ${edge.cooperation}, conflict ${edge.conflict}), mean Goldstein ${fmt(g, 1)}`));
    path.addEventListener("click", () => { document.getElementById("f-dyad").value = `${edge.source}-${edge.target}`; apply(); });
    chart.append(path);
  }
  for (const [name, [x, y, angle]] of at) {
    const node = svg("g", { class: "node" });
    node.append(svg("circle", { cx: x, cy: y, r: 4 }));
    const right = Math.cos(angle) >= 0;
    const label = svg("text", { x: x + (right ? 8 : -8), y: y + 4, "text-anchor": right ? "start" : "end" },
      name.length > 28 ? `${name.slice(0, 27)}\u2026` : name);
    label.append(svg("title", {}, name));
    node.append(label);
    chart.append(node);
  }
  box.append(chart);
}

// -- event table --------------------------------------------------------------------------------

function drawEvents(data) {
  state.total = data.total;
  document.getElementById("events-total").textContent = `(${data.total.toLocaleString("en")} matching)`;
  const body = clear(document.querySelector("#events tbody"));
  for (const row of data.items) {
    const tr = el("tr", { "data-event": row.id, onclick: () => openEvent(row.id) },
      el("td", {}, fmt(row.date)), el("td", {}, actorLabel(row, "source")), el("td", {}, row.trigger_text || ""),
      el("td", {}, actorLabel(row, "target")), el("td", {}, row.plover || ""), el("td", {}, row.cameo || ""),
      el("td", {}, fmt(row.goldstein, 1)), el("td", {}, row.status || ""), el("td", {}, row.title || row.doc_id || ""));
    if (row.id === state.chosenEvent) tr.classList.add("chosen");
    body.append(tr);
  }
  const last = Math.min(state.offset + PAGE, data.total);
  document.getElementById("page").textContent = data.total ? `${state.offset + 1}\u2013${last} of ${data.total.toLocaleString("en")}` : "no events";
  document.getElementById("prev").disabled = state.offset === 0;
  document.getElementById("next").disabled = last >= data.total;
}

async function loadEvents() {
  const params = filters();
  params.set("limit", PAGE);
  params.set("offset", state.offset);
  drawEvents(await getJSON("/api/events", params));
}

// -- article view with evidence -----------------------------------------------------------------

function highlighted(text, spans, base) {
  // spans: [{start, end, kind}] in article offsets; base: offset of text in the article.
  const cuts = new Set([0, text.length]);
  for (const span of spans) {
    cuts.add(Math.max(0, Math.min(text.length, span.start - base)));
    cuts.add(Math.max(0, Math.min(text.length, span.end - base)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i], to = points[i + 1];
    if (from === to) continue;
    const kinds = [...new Set(spans.filter(s => s.start - base <= from && to <= s.end - base).map(s => s.kind))];
    const piece = text.slice(from, to);
    fragment.append(kinds.length ? el("span", { class: kinds.join(" ") }, piece) : document.createTextNode(piece));
  }
  return fragment;
}

function drawChain(chain, disputedBy) {
  const box = el("div", { class: "chain" });
  box.append(el("span", { class: "role" }, "according to"));
  chain.forEach((link, i) => {
    if (i) box.append(" \u2190 ");
    box.append(el("span", { class: "link", "data-role": link.role }, el("span", { class: "role" }, link.role), link.name));
  });
  if (!chain.length) box.append(el("span", { class: "link" }, "the article (no attribution)"));
  if (disputedBy && disputedBy.length) box.append(el("span", { class: "disputed" }, ` \u2014 disputed by ${disputedBy.join(", ")}`));
  return box;
}

async function openEvent(eventId) {
  state.chosenEvent = eventId;
  for (const row of document.querySelectorAll("#events tbody tr")) row.classList.toggle("chosen", row.dataset.event === eventId);
  const evidence = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
  const article = await getJSON(`/api/articles/${encodeURIComponent(evidence.article.id)}`);
  const panel = document.getElementById("article");
  panel.hidden = false;
  document.getElementById("article-title").textContent = article.title || article.doc_id;
  document.getElementById("article-meta").textContent =
    [article.source, fmt(article.published), (article.credits || []).join(", "), article.url].filter(Boolean).join(" \u00b7 ");
  const box = clear(document.getElementById("evidence"));
  const event = evidence.event;
  box.append(el("p", {}, el("strong", {}, `${event.plover} \u00b7 CAMEO ${event.cameo} \u00b7 Goldstein ${fmt(event.goldstein, 1)} \u00b7 ${event.status}`),
    event.date ? ` \u00b7 ${event.date}` : "", event.location_name ? ` \u00b7 ${event.location_name}` : ""));
  if (evidence.sentence) {
    const spans = evidence.spans.filter(s => s.kind !== "sentence");
    box.append(el("p", { class: "quote", "data-event": event.id }, highlighted(evidence.sentence.text, spans, evidence.sentence.start)));
  }
  box.append(drawChain(evidence.chain, evidence.disputed_by));
  const spans = [];
  for (const actor of article.actors) for (const m of actor.mentions) spans.push({ start: m.start, end: m.end, kind: "actor" });
  for (const place of article.places) for (const m of place.mentions) spans.push({ start: m.start, end: m.end, kind: "place" });
  for (const statement of article.statements) for (const c of statement.content) spans.push({ start: c.start, end: c.end, kind: "statement" });
  for (const e of article.events) if (e.trigger_start !== null) spans.push({ start: e.trigger_start, end: e.trigger_end, kind: "event" });
  if (evidence.sentence) spans.push({ start: evidence.sentence.start, end: evidence.sentence.end, kind: "sentence" });
  const textBox = clear(document.getElementById("article-text"));
  textBox.append(highlighted(article.text, spans, 0));
  const list = clear(document.getElementById("article-events"));
  for (const e of article.events) {
    const item = el("li", { "data-event": e.id, onclick: () => openEvent(e.id) },
      `${actorLabel(e, "source") || "?"} \u2014 ${e.trigger_text} (${e.plover}, ${e.cameo}) \u2192 ${actorLabel(e, "target") || "?"} `,
      drawChain(e.chain, e.disputed_by));
    if (e.id === eventId) item.style.fontWeight = "600";
    list.append(item);
  }
  const sentence = textBox.querySelector(".sentence");
  if (sentence) sentence.scrollIntoView({ block: "nearest" });
  panel.scrollIntoView({ block: "start" });
  document.body.dataset.article = evidence.article.id;
}

// -- everything together ------------------------------------------------------------------------

async function refresh() {
  const params = filters();
  const [summary, timeline, places, network] = await Promise.all([
    getJSON("/api/summary"), getJSON("/api/timeline", params), getJSON("/api/places", params),
    getJSON("/api/network", params), loadEvents(),
  ]);
  drawCounts(summary);
  drawTimeline(timeline);
  drawMap(places);
  drawNetwork(network);
}

function drawCounts(summary) {
  state.events = summary.events;
  document.getElementById("counts").textContent =
    `${summary.articles.toLocaleString("en")} articles \u00b7 ${summary.events.toLocaleString("en")} events \u00b7 ${summary.failures} failures`;
  const list = clear(document.getElementById("dyads"));
  for (const dyad of summary.top_dyads) list.append(el("option", { value: `${dyad.source}-${dyad.target}` }));
}

async function apply() {
  state.offset = 0;
  const params = filters();
  history.replaceState(null, "", params.toString() ? `#${params}` : location.pathname);
  document.body.dataset.ready = "";
  await refresh();
  document.body.dataset.ready = "1";
}

async function poll() {
  // New events (from `eventwire run` or POST /api/articles) show up without reloading the page.
  try {
    const summary = await getJSON("/api/summary");
    if (summary.events !== state.events) await refresh();
  } catch (error) {
    console.warn(error);
  }
}

async function start() {
  setFilters(new URLSearchParams(location.hash.slice(1)));
  const form = document.getElementById("filters");
  form.addEventListener("submit", event => { event.preventDefault(); apply(); });
  document.getElementById("reset").addEventListener("click", () => { form.reset(); apply(); });
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += PAGE; loadEvents(); });
  const land = getJSON("/static/land.json").then(data => { state.land = data; if (state.places) drawMap(state.places); }).catch(() => { state.land = null; });
  await Promise.all([land, refresh()]);
  document.body.dataset.ready = "1";
  window.eventwireRenderedMs = performance.now();
  setInterval(poll, POLL_MS);
}

start().catch(error => {
  document.getElementById("counts").textContent = `cannot load: ${error.message}`;
  document.body.dataset.ready = "error";
});
