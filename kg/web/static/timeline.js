// The timeline chart: events on a zoomable SVG time axis, drawn from the JSON API.
// Our own small vanilla code (no library). Spans show the date's precision; the modality is
// the marker's style; clicking an event shows its sources.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var COARSE = { week: 1, month: 1, season: 1, quarter: 1, half_year: 1, year: 1, decade: 1,
                 century: 1, unknown: 1 };
  var chart = document.getElementById("chart");
  if (!chart) { return; }
  var svg = document.getElementById("axis");
  var status = document.getElementById("chart-status");
  var detail = document.getElementById("detail");
  var items = [], view = null, full = null, drag = null;

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }
  function html(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }
  function parse(value, end) {
    if (!value) { return null; }
    if (value.length <= 10) {
      var t = Date.parse(value + "T00:00:00Z");
      return end ? t + DAY : t;
    }
    return Date.parse(value);
  }
  function localHref(iri) {
    try { var u = new URL(iri); return u.origin === location.origin ? u.pathname + u.hash : iri; }
    catch (e) { return iri; }
  }

  function prepare(entries) {
    return entries.map(function (e) {
      var lo = parse(e.time.earliest, false), hi = parse(e.time.latest, true);
      var open = lo === null;
      if (lo === null && hi === null) { return null; }
      if (lo === null) { lo = hi - DAY; }
      if (hi === null) { hi = lo + DAY; }
      var span = !!COARSE[e.time.precision] || hi - lo > DAY;
      return { e: e, lo: lo, hi: hi, span: span, open: open };
    }).filter(Boolean);
  }

  function ticks(a, b, width) {
    var days = (b - a) / DAY, out = [], d = new Date(a), step;
    if (days > 3 * 365) { step = "year"; } else if (days > 120) { step = "month"; }
    else if (days > 20) { step = "week"; } else { step = "day"; }
    d = new Date(Date.UTC(d.getUTCFullYear(), step === "year" ? 0 : d.getUTCMonth(),
                          step === "year" || step === "month" ? 1 : d.getUTCDate()));
    while (d.getTime() <= b && out.length < Math.max(4, width / 40)) {
      if (d.getTime() >= a) {
        var label = step === "year" ? String(d.getUTCFullYear()) :
          step === "month" ? d.toISOString().slice(0, 7) : d.toISOString().slice(0, 10);
        out.push({ t: d.getTime(), label: label });
      }
      if (step === "year") { d.setUTCFullYear(d.getUTCFullYear() + 1); }
      else if (step === "month") { d.setUTCMonth(d.getUTCMonth() + 1); }
      else { d.setUTCDate(d.getUTCDate() + (step === "week" ? 7 : 1)); }
    }
    return out;
  }

  function draw() {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    if (!items.length) { svg.setAttribute("height", "0"); return; }
    var width = Math.max(320, chart.clientWidth - 2), margin = 12, row = 22;
    var scale = (width - 2 * margin) / (view.b - view.a);
    var x = function (t) { return margin + (t - view.a) * scale; };
    var lanes = [], placed = [];
    items.forEach(function (it) {
      if (it.hi < view.a || it.lo > view.b) { return; }
      var x0 = Math.max(x(it.lo), margin), x1 = Math.min(x(it.hi), width - margin);
      if (!it.span) { x0 = x((it.lo + it.hi) / 2) - 5; x1 = x0 + 10; }
      var labelWidth = 8 + Math.min(it.e.label.length, 40) * 6.2;
      var inside = it.span && x1 - x0 > labelWidth + 4;
      var left = !inside && x1 + labelWidth > width - margin && x0 - labelWidth > margin;
      var start = left ? x0 - labelWidth - (it.open ? 36 : 0) : x0 - (it.open ? 36 : 0);
      var labelEnd = inside || left ? x1 : x1 + labelWidth;
      var lane = 0;
      while (lanes[lane] !== undefined && lanes[lane] > start - 4) { lane += 1; }
      lanes[lane] = labelEnd;
      placed.push({ it: it, x0: x0, x1: x1, lane: lane, inside: inside, left: left,
                    labelWidth: labelWidth });
    });
    var height = 34 + Math.max(1, lanes.length) * row;
    svg.setAttribute("height", String(height));
    svg.setAttribute("width", String(width));
    var axis = el("g", { "class": "ticks" }, svg);
    ticks(view.a, view.b, width).forEach(function (t) {
      el("line", { x1: x(t.t), x2: x(t.t), y1: 0, y2: height - 20, "class": "grid" }, axis);
      el("text", { x: x(t.t) + 3, y: height - 6, "class": "tick" }, axis).textContent = t.label;
    });
    placed.forEach(function (p) {
      var e = p.it.e, y = 8 + p.lane * row;
      var g = el("g", { "class": "mark modality-" + e.modality + " precision-" + e.time.precision +
                        (e.canonical ? " canonical" : ""), tabindex: "0", role: "button",
                        "data-iri": e.iri }, svg);
      if (p.it.span) {
        el("rect", { x: p.x0, y: y, width: Math.max(3, p.x1 - p.x0), height: 14, rx: 3 }, g);
      } else {
        el("circle", { cx: p.x0 + 5, cy: y + 7, r: 6 }, g);
      }
      if (p.it.open) {  // "on or before": a dashed line into the past
        el("line", { x1: p.x0 - 34, x2: p.x0, y1: y + 7, y2: y + 7, "class": "open" }, g);
      }
      var lx = p.inside ? p.x0 + 5 : p.left ? p.x0 - p.labelWidth - (p.it.open ? 36 : 0)
        : p.x1 + 6;
      var label = el("text", { x: lx, y: y + 11, "class": "label" + (p.inside ? " inside" : "") },
                     g);
      label.textContent = e.label.length > 40 ? e.label.slice(0, 39) + "…" : e.label;
      el("title", {}, g).textContent = e.label + " — " + (e.time.edtf || "") + " (" +
        e.time.precision + ", " + e.modality + ")";
      g.addEventListener("click", function () { show(e); });
      g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { show(e); } });
    });
  }

  function show(e) {
    detail.hidden = false;
    while (detail.firstChild) { detail.removeChild(detail.firstChild); }
    var h = html("h2"), a = html("a", e.label);
    a.href = localHref(e.iri);
    a.className = "event-link";
    h.appendChild(a);
    detail.appendChild(h);
    var meta = [e.type_label || e.type, e.time.edtf || "", e.time.precision, e.modality];
    if (e.canonical) { meta.push(e.source_count + " sources"); }
    detail.appendChild(html("p", meta.filter(Boolean).join(" · "), "meta"));
    if (e.places.length) {
      detail.appendChild(html("p", "Place: " + e.places.map(function (p) {
        return p.label + (p.wikidata ? " (" + p.wikidata + ")" : ""); }).join("; ")));
    }
    ["fatalities", "injured"].forEach(function (kind) {
      var figs = e[kind + "_by_source"];
      if (!figs.length) { return; }
      detail.appendChild(html("p", kind + ": " + figs.map(function (f) {
        return f.count + " per " + (f.publisher || f.title || f.article); }).join(", "),
        e.conflicts.indexOf(kind) >= 0 ? "conflict" : ""));
    });
    var list = html("ol", undefined, "sources");
    e.sources.forEach(function (s) {
      var li = html("li", undefined, "source");
      if (s.sentence) { li.appendChild(html("q", s.sentence, "evidence")); }
      li.appendChild(document.createTextNode(" — "));
      var link = html("a", s.title || s.article_id, "article-link");
      link.href = localHref(s.article) +
        (s.trigger_span ? "#s" + s.trigger_span[0] + "-" + s.trigger_span[1] : "");
      li.appendChild(link);
      if (s.publisher) { li.appendChild(document.createTextNode(", " + s.publisher)); }
      if (s.published) { li.appendChild(document.createTextNode(", " + s.published.slice(0, 10))); }
      list.appendChild(li);
    });
    detail.appendChild(list);
    detail.scrollIntoView({ block: "nearest" });
  }

  function zoom(factor, at) {
    var span = view.b - view.a, c = at === undefined ? view.a + span / 2 : at;
    var next = Math.min(Math.max(span * factor, DAY), (full.b - full.a) * 4);
    var left = (c - view.a) / span;
    view = { a: c - left * next, b: c - left * next + next };
    draw();
  }

  function fit() {
    var a = Math.min.apply(null, items.map(function (i) { return i.lo; }));
    var b = Math.max.apply(null, items.map(function (i) { return i.hi; }));
    var pad = Math.max((b - a) * 0.05, DAY);
    full = { a: a - pad, b: b + pad };
    view = { a: full.a, b: full.b };
    draw();
  }

  svg.addEventListener("wheel", function (ev) {
    if (!view) { return; }
    ev.preventDefault();
    var rect = svg.getBoundingClientRect();
    var at = view.a + (ev.clientX - rect.left - 12) / (rect.width - 24) * (view.b - view.a);
    zoom(ev.deltaY < 0 ? 0.8 : 1.25, at);
  }, { passive: false });
  svg.addEventListener("mousedown", function (ev) { if (view) { drag = { x: ev.clientX, v: view }; } });
  window.addEventListener("mouseup", function () { drag = null; });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) { return; }
    var shift = (ev.clientX - drag.x) / (svg.clientWidth - 24) * (drag.v.b - drag.v.a);
    view = { a: drag.v.a - shift, b: drag.v.b - shift };
    draw();
  });
  document.getElementById("zoom-in").addEventListener("click", function () { if (view) { zoom(0.5); } });
  document.getElementById("zoom-out").addEventListener("click", function () { if (view) { zoom(2); } });
  document.getElementById("zoom-fit").addEventListener("click", function () { if (items.length) { fit(); } });
  window.addEventListener("resize", function () { if (view) { draw(); } });

  var query = chart.getAttribute("data-query");
  status.textContent = "Loading…";
  fetch("/timeline?" + (query ? query + "&" : "") + "limit=500",
        { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
    .then(function (res) {
      if (!res.ok) { status.textContent = res.body.error || "the timeline could not be loaded"; return; }
      items = prepare(res.body.events);
      var undated = res.body.events.length - items.length;
      status.textContent = items.length + " events on the axis" +
        (undated ? ", " + undated + " undated (listed below)" : "") +
        (res.body.next ? " (the first 500; narrow the filters to see the rest)" : "");
      chart.setAttribute("data-ready", "true");
      if (items.length) { fit(); }
    })
    .catch(function () { status.textContent = "the timeline could not be loaded"; });
})();
