// dossier's browser view. No dependencies: the server lays the graph out
// and draws it as SVG; this script only fetches, inserts and reacts to
// clicks. Text from the store is always inserted with textContent.
"use strict";

const state = { center: "", expand: [], entity: "" };
const $ = (id) => document.getElementById(id);

// el builds an element: el("p", {class: "x"}, "text", child...).
function el(tag, attrs, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") n.className = v;
    else if (k.startsWith("on")) n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v);
  }
  for (const k of kids) {
    if (k == null || k === "") continue;
    n.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return n;
}

async function api(path, params) {
  const url = path + "?" + new URLSearchParams(params || {}).toString();
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function showError(where, err) {
  where.replaceChildren(el("p", { class: "error" }, String(err.message || err)));
}

async function loadStats() {
  try {
    const s = await api("/api/stats");
    $("stats").textContent = `${s.documents} documents · ${s.entities} entities · ${s.claims} claims`;
  } catch (e) { /* the stats line is decoration */ }
}

async function search(q) {
  const list = $("results");
  list.replaceChildren();
  try {
    const r = await api("/api/search", { q, limit: 12 });
    if (r.entities.length === 0) {
      list.append(el("li", { class: "muted" }, `Nothing called “${q}”.`));
      return;
    }
    for (const e of r.entities) {
      list.append(el("li", {}, el("button", {
        type: "button", "data-id": e.id, title: `${e.type}, in ${e.documents} document${e.documents === 1 ? "" : "s"}`,
        onclick: () => select(e.id),
      }, e.name)));
    }
    select(r.entities[0].id);
  } catch (e) { showError(list, e); }
}

function select(id) {
  state.center = id;
  state.expand = [];
  history.replaceState(null, "", "#" + encodeURIComponent(id));
  for (const b of $("results").querySelectorAll("button")) {
    b.classList.toggle("current", b.dataset.id === id);
  }
  $("evidence").hidden = true;
  draw();
  showEntity(id);
}

async function draw() {
  const g = $("graph");
  const params = { name: state.center };
  if (state.expand.length) params.expand = state.expand.join(",");
  try {
    const res = await fetch("/view/graph.svg?" + new URLSearchParams(params));
    const text = await res.text();
    if (!res.ok) throw new Error(JSON.parse(text).error);
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    g.replaceChildren(document.importNode(doc.documentElement, true));
    g.dataset.ready = String(Date.now());
  } catch (e) { showError(g, e); }
}

function expand(id) {
  if (id !== state.center && !state.expand.includes(id)) {
    state.expand.push(id);
    draw();
  }
  showEntity(id);
}

// quote renders an evidence sentence with the cue marked, by code points.
function quote(ev, cue) {
  const chars = Array.from(ev.text || "");
  const q = el("blockquote", {});
  if (cue && cue.text && cue.start >= ev.start && cue.end <= ev.end) {
    const a = cue.start - ev.start, b = cue.end - ev.start;
    q.append(chars.slice(0, a).join(""), el("mark", {}, chars.slice(a, b).join("")), chars.slice(b).join(""));
  } else {
    q.append(ev.text || "");
  }
  return q;
}

function source(doc, date, ev) {
  const parts = [date || doc.date || "undated", doc.title || doc.id];
  if (ev && ev.end) parts.push(`chars ${ev.start}–${ev.end}`);
  const s = el("div", { class: "src" }, parts.join(" · "));
  if (doc.url && /^https?:\/\//.test(doc.url)) {
    s.append(" · ", el("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank" }, "source"));
  }
  return s;
}

function edgeCard(e) {
  const cls = e.kind === "relation" ? "relation" : e.label;
  let what;
  if (e.kind === "relation") {
    what = `${e.from.name} ${e.label} ${e.to.name}`;
  } else if (e.role === "channel") {
    what = `${e.from.name} ${e.cue.text} ${e.to.name}`;
  } else {
    what = `${e.from.name} ${e.cue.text} — ${e.role} ${e.to.name}`;
  }
  const card = el("div", { class: "card " + cls },
    el("span", { class: "badge " + cls }, e.kind === "relation" ? "relation" : e.label),
    el("span", { class: "who" }, what),
    quote(e.evidence, e.cue));
  if (e.hedges && e.hedges.length) card.append(el("div", { class: "src" }, "hedged: " + e.hedges.join(", ")));
  card.append(source(e.document, e.date, e.evidence));
  return card;
}

async function showEdge(a, b, label) {
  const box = $("evidence-body");
  $("evidence").hidden = false;
  box.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  try {
    const r = await api("/api/edges", { a, b });
    const first = r.edges.filter((e) => e.label === label);
    const rest = r.edges.filter((e) => e.label !== label);
    box.replaceChildren(el("p", { class: "muted" },
      `${r.a.name} — ${r.b.name}: ${r.edges.length} connection${r.edges.length === 1 ? "" : "s"}`));
    for (const e of first.concat(rest)) box.append(edgeCard(e));
  } catch (e) { showError(box, e); }
  $("evidence").scrollIntoView({ block: "start" });
}

function claimCard(c) {
  const who = c.claimant ? c.claimant.name : (c.claimant_text || "unnamed source");
  const about = (c.about || []).map((x) => x.name).join(", ");
  const card = el("div", { class: "card " + c.stance },
    el("span", { class: "badge " + c.stance }, c.stance),
    el("span", { class: "who" }, `${who} ${c.cue.text}`),
    c.channel ? ` (to ${c.channel.name})` : "",
    about ? el("div", { class: "src" }, "about " + about) : "",
    quote(c.evidence, c.cue));
  if (c.hedges && c.hedges.length) card.append(el("div", { class: "src" }, "hedged: " + c.hedges.join(", ")));
  card.append(source(c.document, c.date, c.evidence));
  return card;
}

async function showEntity(id) {
  $("entity").hidden = false;
  state.entity = id;
  const body = $("entity-body"), tl = $("timeline");
  try {
    const e = await api("/api/entity", { name: id });
    $("entity-name").textContent = e.name;
    const facts = el("dl", { class: "facts" },
      el("dt", {}, "type"), el("dd", {}, e.kind ? `${e.type}, ${e.kind}` : e.type),
      el("dt", {}, "id"), el("dd", {}, e.id),
      el("dt", {}, "aliases"), el("dd", {}, (e.aliases || []).join("; ") || "—"),
      el("dt", {}, "mentions"), el("dd", {}, `${e.mentions} in ${e.documents} document${e.documents === 1 ? "" : "s"}`),
      el("dt", {}, "claims"), el("dd", {}, `${e.counts.claims_by} made, ${e.counts.claims_about} about it`),
      el("dt", {}, "allegations"), el("dd", {}, String(e.counts.allegations)),
      el("dt", {}, "relations"), el("dd", {}, String(e.counts.relations)));
    const acts = el("p", {});
    if (id !== state.center) acts.append(el("button", { type: "button", class: "link", onclick: () => select(id) }, "centre the graph here"));
    body.replaceChildren(facts, acts);
  } catch (err) { showError(body, err); return; }
  try {
    const t = await api("/api/timeline", { name: id });
    tl.replaceChildren();
    for (const ev of t.events) {
      const li = el("li", {}, el("div", { class: "date" }, ev.date || "undated"));
      if (ev.kind === "document") {
        li.append(el("div", { class: "src" }, "mentioned in " + (ev.document.title || ev.document.id)));
      } else {
        li.append(claimCard(ev.claim));
      }
      tl.append(li);
    }
    if (!t.events.length) tl.append(el("li", { class: "muted" }, "nothing dated"));
  } catch (err) { showError(tl, err); }
  $("ledger").replaceChildren();
  if ($("ledger-box").open) showLedger(id);
}

// showLedger lists the allegations about an entity with what answers
// them. It is read only when the ledger is opened: on a large store the
// ledger is the slowest question.
async function showLedger(id) {
  const led = $("ledger");
  delete led.dataset.loaded;
  led.replaceChildren(el("li", { class: "muted" }, "Loading…"));
  try {
    const as = await api("/api/allegations", { about: id });
    led.replaceChildren();
    for (const a of as) {
      const li = el("li", {}, el("span", { class: "badge status-" + a.status }, a.status),
        el("span", { class: "src thread", title: "allegations thread: dossier allegations --thread " + a.thread }, "thread " + a.thread), claimCard(a));
      if (a.responses && a.responses.length) {
        const rs = el("div", { class: "responses" }, el("div", { class: "src" }, "answered by:"));
        for (const r of a.responses) rs.append(claimCard(r), el("div", { class: "src" }, "linked: " + (r.answers || "")));
        li.append(rs);
      }
      led.append(li);
    }
    if (!as.length) led.append(el("li", { class: "muted" }, "no allegations about it"));
    led.dataset.loaded = "1";
  } catch (err) { showError(led, err); }
}

function activate(target) {
  const edge = target.closest("g.edge");
  if (edge) {
    for (const s of document.querySelectorAll("g.edge.selected")) s.classList.remove("selected");
    edge.classList.add("selected");
    showEdge(edge.dataset.a, edge.dataset.b, edge.dataset.label);
    return;
  }
  const node = target.closest("g.node");
  if (node) expand(node.dataset.id);
}

document.addEventListener("DOMContentLoaded", () => {
  $("search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = $("q").value.trim();
    if (q) search(q);
  });
  $("graph").addEventListener("click", (ev) => activate(ev.target));
  $("ledger-box").addEventListener("toggle", () => {
    if ($("ledger-box").open && state.entity) showLedger(state.entity);
  });
  $("graph").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); activate(ev.target); }
  });
  loadStats();
  if (location.hash.length > 1) select(decodeURIComponent(location.hash.slice(1)));
});
