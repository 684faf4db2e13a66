// The HarmonySim dashboard page: reads the run from the JSON API, redraws on server push (a live run) or when the
// time slider moves (a finished run). Every number shown comes from the server; the page only lays it out.
"use strict";

const $ = (id) => document.getElementById(id);
const colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"];
const state = { info: null, last: null, at: null, charts: {}, fetching: false, again: false, stream: null, validatorsUrl: null, validators: null };

// Exposed for the browser tests: what each chart currently plots.
window.dashboard = { chartData: (name) => state.charts[name] ? state.charts[name].data : null, state };

async function getJson(url, options) {
  const response = await fetch(url, options);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function text(value, digits) {
  if (value === null || value === undefined) return "–";
  return typeof value === "number" && digits !== undefined ? value.toFixed(digits) : String(value);
}

function percent(share) {
  return share === null || share === undefined ? "–" : (100 * share).toFixed(2) + " %";
}

function row(cells, leftColumns) {
  const tr = document.createElement("tr");
  cells.forEach((c, i) => {
    const td = document.createElement("td");
    if (c instanceof Node) td.appendChild(c); else td.textContent = c;
    if (leftColumns && leftColumns.includes(i)) td.className = "left";
    tr.appendChild(td);
  });
  return tr;
}

function fill(tableId, rows) {
  const body = $(tableId).querySelector("tbody");
  body.replaceChildren(...rows);
}

// One uPlot chart per name, re-created when its number of series changes, otherwise fed new data.
function plot(name, elementId, labels, data, dashed, xLabel) {
  const existing = state.charts[name];
  if (existing && existing.series.length === labels.length + 1) {
    existing.setData(data);
    return;
  }
  if (existing) existing.destroy();
  const series = [{ label: "t (s)" }].concat(labels.map((label, i) => ({
    label, stroke: colors[i % colors.length], width: 1.5, dash: dashed && dashed[i] ? [5, 4] : undefined, spanGaps: true,
  })));
  state.charts[name] = new uPlot({ width: 460, height: 220, series, scales: { x: { time: false } }, axes: [{ label: xLabel || "virtual s" }, {}] }, data, $(elementId));
}

function seriesBy(points, shards, pick) {
  const times = [...new Set(points.map((p) => p.t))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const columns = shards.map(() => times.map(() => null));
  for (const p of points) columns[p.shard][index.get(p.t)] = pick(p);
  return [times, columns];
}

function drawOverview(run) {
  const shards = state.info.committees.map((c) => c.shard);
  fill("shards", run.shards.map((s) => {
    const link = document.createElement("a");
    link.href = "#shard/" + s.shard;
    link.textContent = "shard " + s.shard;
    link.dataset.testid = "open-shard-" + s.shard;
    const last = s.blocks.length ? s.blocks[s.blocks.length - 1] : null;
    return row([link, s.height, text(s.leader), s.viewChanges, last ? `${last.signers} (${last.missing} missing)` : "–", last ? percent(last.missingPower) : "–"], [0]);
  }));
  const points = run.series;
  const names = shards.map((s) => "shard " + s);
  const [times, heights] = seriesBy(points, shards, (p) => p.height);
  plot("height", "chart-height", names, [times].concat(heights));
  plot("interval", "chart-interval", names, [times].concat(seriesBy(points, shards, (p) => p.intervalMean)[1]));
  const p50 = seriesBy(points, shards, (p) => p.finalityP50)[1];
  const p99 = seriesBy(points, shards, (p) => p.finalityP99)[1];
  plot("finality", "chart-finality", names.map((n) => n + " p50").concat(names.map((n) => n + " p99")), [times].concat(p50, p99),
    names.map(() => false).concat(names.map(() => true)));
  const bucket = state.last.bucket;
  const tps = times.map((t) => points.filter((p) => p.t === t).reduce((sum, p) => sum + p.transactions, 0) / bucket);
  plot("tps", "chart-tps", ["all shards"], [times, tps]);
  const views = seriesBy(points, shards, (p) => p.viewChanges)[1].map((column) => {
    let total = 0;
    return column.map((v) => (total += v || 0));
  });
  plot("views", "chart-views", names, [times].concat(views));
}

function drawShard(run, shard) {
  const s = run.shards[shard];
  const committee = state.info.committees[shard];
  if (!s || !committee) { $("shard-summary").textContent = "no such shard"; return; }
  $("shard-id").textContent = shard;
  $("shard-summary").textContent = `height ${s.height}, leader ${text(s.leader)}, ${s.viewChanges} view changes, ` +
    `${committee.members.length} validators with ${committee.keys} keys, Nakamoto coefficient ${committee.nakamotoCoefficient}`;
  fill("blocks", s.blocks.slice().reverse().map((b) => row([b.height, text(b.t, 3), b.view, b.leader, b.signers, b.missing, percent(b.missingPower),
    text(b.preparePhase, 3), text(b.commitPhase, 3), text(b.finality, 3)])));
  fill("committee", committee.members.map((m) => row([m.node, m.cohort, m.keys, m.unstaked ? "–" : text(m.stake, 0) + " (effective " + text(m.effectiveStake, 0) + ")", (100 * m.votingPower).toFixed(3) + " %", m.behaviour], [1, 5])));
  plot("rounds", "chart-rounds", ["prepare phase (s)", "commit phase (s)", "round (s)", "missing power (%)"],
    [s.blocks.map((b) => b.height), s.blocks.map((b) => b.preparePhase), s.blocks.map((b) => b.commitPhase), s.blocks.map((b) => b.finality),
      s.blocks.map((b) => (b.missingPower == null ? null : 100 * b.missingPower))], null, "height");
}

function describe(entry) {
  return Object.entries(entry.fields).map(([k, v]) => `${k}=${v}`).join(" ");
}

function drawTimeline(run) {
  fill("timeline", run.timeline.slice().reverse().map((e) => {
    const tr = row([text(e.t, 3), e.shard, e.kind, describe(e)], [2, 3]);
    tr.dataset.kind = e.kind;
    return tr;
  }));
}

function drawStaking(run) {
  fill("staking", state.info.committees.map((c) => row([c.shard, c.keys, text(c.medianStakePerKey, 0), c.nakamotoCoefficient,
    c.cohorts.map((k) => `${k.cohort}: ${(100 * k.votingPower).toFixed(1)} % (${k.validators} validators)`).join("; ")], [4])));
  const kinds = new Set(["election", "slashed", "jailed", "double_sign", "leader_equivocation"]);
  const list = run.timeline.filter((e) => kinds.has(e.kind)).map((e) => {
    const li = document.createElement("li");
    li.textContent = `${text(e.t, 3)} s, shard ${e.shard}: ${e.kind} ${describe(e)}`;
    return li;
  });
  if (list.length === 0) { const li = document.createElement("li"); li.textContent = "none so far"; list.push(li); }
  $("staking-events").replaceChildren(...list);
}

// A testnet's beacon validators, from the URL /api/info's Link header named (rel="harmonysim-validators").
function drawValidators() {
  const board = state.validators;
  if (!board) return;
  $("validators-summary").textContent = board.staking
    ? `epoch ${board.epoch}, block ${board.block} (${board.blocksPerEpoch} blocks an epoch): ${board.validators.length} validators, ` +
      `${board.validators.filter((v) => v.elected).length} elected, ${board.validators.filter((v) => v.owner === "player").length} players'`
    : "this testnet has no staking";
  fill("validators", board.validators.map((v) => {
    const whose = v.owner === "player" ? "player" : `${v.cohort} (node ${v.node})`;
    const tr = row([v.address, v.name, v.totalStake, v.selfStake, v.delegated, v.eposStatus, v.activeStatus, text(v.bootedStatus), whose], [0, 1, 5, 6, 7, 8]);
    tr.dataset.address = v.address;
    tr.dataset.owner = v.owner;
    tr.dataset.elected = String(v.elected);
    return tr;
  }));
}

async function refreshValidators() {
  if (!state.validatorsUrl || page().name !== "validators") return;
  state.validators = await getJson(state.validatorsUrl);
  drawValidators();
}

function page() {
  const hash = location.hash || "#overview";
  const [name, arg] = hash.slice(1).split("/");
  for (const p of document.querySelectorAll(".page")) p.hidden = p.id !== "page-" + name;
  return { name, arg: arg === undefined ? 0 : Number(arg) };
}

function draw() {
  const s = state.last;
  if (!s || !state.info) return;
  const run = s.run;
  const mode = !s.live ? "replay" : run.state !== "running" ? run.state : s.holding ? "paused" : s.paused ? "pausing" : "running";
  const speed = s.speed === null || s.speed === undefined ? "max" : s.speed + "x";
  const actual = s.live && run.wallSeconds > 0 ? ` (${(run.now / run.wallSeconds).toFixed(1)}× real time so far)` : "";
  const progress = ` (${(100 * run.now / s.duration).toFixed(0)} %)`;
  $("status").textContent = `${mode} · t = ${run.at.toFixed(1)} s of ${s.duration} s${progress}` + (s.live ? ` · speed ${speed}${actual}` : "") +
    (run.digest ? ` · digest ${run.digest.slice(0, 16)}…` : "");
  $("status").dataset.state = mode;
  // Nothing is pushed when a pause takes hold (the run just stops changing): ask again until it has.
  if (mode === "pausing") setTimeout(refresh, 300);
  const select = $("speed");
  const wanted = s.speed === null || s.speed === undefined ? "max" : String(s.speed);
  if (s.live && document.activeElement !== select && select.value !== wanted) {
    if (![...select.options].some((o) => o.value === wanted)) select.add(new Option(wanted + "x", wanted));
    select.value = wanted;
  }
  const current = page();
  if (current.name === "overview") drawOverview(run);
  if (current.name === "shard") drawShard(run, current.arg);
  if (current.name === "timeline") drawTimeline(run);
  if (current.name === "staking") drawStaking(run);
  if (current.name === "validators") drawValidators();
}

// Fetches the state, one request at a time; a push that arrives meanwhile asks for one more fetch.
async function refresh() {
  if (state.fetching) { state.again = true; return; }
  state.fetching = true;
  try {
    do {
      state.again = false;
      const query = state.at === null ? "" : "?at=" + state.at;
      state.last = await getJson("api/state" + query);
      draw();
      await refreshValidators();
      if (!state.last.live) setupSlider();
      if (state.last.live && state.last.run.state !== "running" && state.stream) { state.stream.close(); state.stream = null; }
    } while (state.again);
  } finally {
    state.fetching = false;
  }
}

function setupSlider() {
  const slider = $("time");
  $("replay").hidden = false;
  slider.max = Math.ceil(state.last.run.now);
  if (state.at === null) slider.value = slider.max;
  $("at").textContent = `${Number(slider.value).toFixed(0)} s of ${state.last.run.now.toFixed(1)} s`;
}

async function control(body) {
  await getJson("api/control", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  await refresh();
}

function setupControl() {
  $("control").hidden = false;
  $("pause").onclick = () => control({ action: "pause" });
  $("resume").onclick = () => control({ action: "resume" });
  $("speed").onchange = (e) => control({ action: "speed", speed: e.target.value });
  $("fault-form").onsubmit = async (e) => {
    e.preventDefault();
    const shard = $("fault-shard").value;
    const body = { kind: $("fault-kind").value, shard: shard === "" ? null : Number(shard), nodes: $("fault-nodes").value };
    const result = $("fault-result");
    try {
      const answer = await getJson("api/fault", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      result.className = "";
      result.textContent = `${answer.queued} queued for ${answer.at}`;
    } catch (error) {
      result.className = "error";
      result.textContent = error.message;
    }
  };
}

async function start() {
  const info = await fetch("api/info");
  if (!info.ok) throw new Error(info.statusText);
  state.info = await info.json();
  const link = /<([^>]+)>;\s*rel="harmonysim-validators"/.exec(info.headers.get("Link") || "");
  if (link) {
    state.validatorsUrl = link[1];
    $("nav-validators").hidden = false;
  }
  $("scenario").textContent = `${state.info.scenario} (seed ${state.info.seed})`;
  await refresh();
  if (state.last.live) {
    setupControl();
    if (state.last.orleans) {
      $("nav-orleans").href = state.last.orleans.replace(/^\//, "");
      $("nav-orleans").hidden = false;
    }
    if (state.last.run.state === "running") {
      state.stream = new EventSource("api/stream");
      state.stream.onmessage = () => refresh();
    }
  } else {
    $("time").oninput = () => { state.at = Number($("time").value); refresh(); };
  }
  window.addEventListener("hashchange", () => { draw(); refreshValidators(); });
}

start().catch((error) => { $("status").textContent = "error: " + error.message; $("status").className = "error"; });
