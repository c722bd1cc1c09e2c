// The page of an exported debate: zoom and pan the diagram, link it to the outline, search.
// Everything reads the page itself; nothing is fetched, and no text is parsed as HTML.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  var viewport = document.getElementById("viewport");
  var svg = viewport ? viewport.querySelector("svg") : null;
  var outline = document.getElementById("outline");

  // --- zoom and pan: move the SVG's viewBox --------------------------------------------
  var home = null;
  var view = null;
  if (svg) {
    var box = svg.viewBox && svg.viewBox.baseVal;
    if (box && box.width > 0) {
      home = { x: box.x, y: box.y, w: box.width, h: box.height };
    } else {
      var b = svg.getBBox();
      home = { x: b.x, y: b.y, w: b.width, h: b.height };
    }
    view = { x: home.x, y: home.y, w: home.w, h: home.h };
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  }

  function show() {
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
  }

  function toDiagram(clientX, clientY) {
    var matrix = svg.getScreenCTM();
    var point = svg.createSVGPoint();
    point.x = clientX;
    point.y = clientY;
    return matrix ? point.matrixTransform(matrix.inverse()) : { x: view.x, y: view.y };
  }

  function zoom(factor, cx, cy) {
    var w = view.w * factor;
    // Between a tenth of the whole and four times it.
    if (w < home.w / 40 || w > home.w * 4) return;
    view.x = cx - (cx - view.x) * factor;
    view.y = cy - (cy - view.y) * factor;
    view.w = w;
    view.h = view.h * factor;
    show();
  }

  function zoomCentre(factor) {
    zoom(factor, view.x + view.w / 2, view.y + view.h / 2);
  }

  function fit() {
    view = { x: home.x, y: home.y, w: home.w, h: home.h };
    show();
  }

  // Sizes in the diagram's units, read from where the browser draws it.
  function pane() {
    var r = viewport.getBoundingClientRect();
    return { w: Math.max(r.width, 1), h: Math.max(r.height, 1) };
  }

  function scale() {
    var p = pane();
    return Math.min(p.w / view.w, p.h / view.h);
  }

  function lookAt(cx, cy, s) {
    var p = pane();
    view = { x: cx - p.w / s / 2, y: cy - p.h / s / 2, w: p.w / s, h: p.h / s };
    show();
  }

  function boxOf(node) {
    var r = node.getBoundingClientRect();
    var a = toDiagram(r.left, r.top);
    var b = toDiagram(r.right, r.bottom);
    return { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y };
  }

  function union(boxes) {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    boxes.forEach(function (b) {
      x0 = Math.min(x0, b.x);
      y0 = Math.min(y0, b.y);
      x1 = Math.max(x1, b.x + b.w);
      y1 = Math.max(y1, b.y + b.h);
    });
    return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  }

  // The size of a box's main text (its largest) in the diagram's units: Graphviz may
  // scale the whole drawing.
  function fontOf(node) {
    var texts = node.querySelectorAll("text");
    var own = 0;
    var t = null;
    for (var i = 0; i < texts.length; i++) {
      var size = parseFloat(texts[i].getAttribute("font-size"));
      if (size > own) {
        own = size;
        t = texts[i];
      }
    }
    if (!t) return 14;
    var outer = svg.getScreenCTM();
    var inner = t.getScreenCTM();
    return outer && inner && outer.a > 0 ? (own * inner.a) / outer.a : own;
  }

  // Text on screen at least this many CSS pixels when the page picks the zoom.
  var READABLE = 14;
  var LARGEST = 17;

  // The opening view: the motion and the claims for and against it, readable; the whole
  // map when it is readable too (then it is one click away: "Whole map").
  function start() {
    fit();
    var motion = nodeOf("motion");
    if (!motion) return;
    var nodes = [motion];
    var top = outline ? outline.querySelectorAll("ul.tree > li[data-claim]") : [];
    for (var i = 0; i < top.length; i++) {
      var node = nodeOf(top[i].getAttribute("data-claim"));
      if (node) nodes.push(node);
    }
    // Sized for the smallest text among them (the motion's is larger than its claims').
    var f = Math.min.apply(null, nodes.map(fontOf));
    var pad = f * 1.5;
    var p = pane();
    var boxes = nodes.map(boxOf);
    var all = union(boxes);
    var s = Math.min(p.w / (all.w + 2 * pad), p.h / (all.h + 2 * pad));
    s = Math.max(Math.min(s, LARGEST / f), READABLE / f);
    if (scale() >= s) return; // the whole map is at least as large
    // Not all of them fit at a readable size: the motion, then its claims nearest first
    // while they fit.
    var m = boxes[0];
    var box = m;
    var mx = m.x + m.w / 2;
    var my = m.y + m.h / 2;
    function away(b) {
      return Math.hypot(b.x + b.w / 2 - mx, b.y + b.h / 2 - my);
    }
    boxes
      .slice(1)
      .sort(function (a, b) { return away(a) - away(b); })
      .forEach(function (b) {
        var u = union([box, b]);
        if ((u.w + 2 * pad) * s <= p.w && (u.h + 2 * pad) * s <= p.h) box = u;
      });
    lookAt(box.x + box.w / 2, box.y + box.h / 2, s);
  }

  // Bring a box to the middle, zoomed in until its text is readable.
  function centreOn(node) {
    var b = boxOf(node);
    var p = pane();
    var s = Math.max(scale(), READABLE / fontOf(node));
    s = Math.min(s, (0.9 * p.w) / b.w, (0.9 * p.h) / b.h);
    lookAt(b.x + b.w / 2, b.y + b.h / 2, s);
  }

  var drag = null;
  var moved = false;
  if (svg) {
    show();
    start();
    viewport.addEventListener(
      "wheel",
      function (event) {
        event.preventDefault();
        var p = toDiagram(event.clientX, event.clientY);
        zoom(event.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
      },
      { passive: false }
    );
    viewport.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) return;
      var rect = svg.getBoundingClientRect();
      drag = {
        x: event.clientX,
        y: event.clientY,
        vx: view.x,
        vy: view.y,
        scale: Math.max(view.w / rect.width, view.h / rect.height),
      };
      moved = false;
    });
    window.addEventListener("pointermove", function (event) {
      if (!drag) return;
      var dx = event.clientX - drag.x;
      var dy = event.clientY - drag.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!moved) viewport.classList.add("dragging");
      moved = true;
      view.x = drag.vx - dx * drag.scale;
      view.y = drag.vy - dy * drag.scale;
      show();
    });
    window.addEventListener("pointerup", function () {
      drag = null;
      viewport.classList.remove("dragging");
    });
    document.getElementById("zoom-in").addEventListener("click", function () {
      zoomCentre(1 / 1.3);
    });
    document.getElementById("zoom-out").addEventListener("click", function () {
      zoomCentre(1.3);
    });
    document.getElementById("zoom-fit").addEventListener("click", fit);
    document.getElementById("zoom-start").addEventListener("click", start);
  }

  // --- the outline and the diagram, linked ---------------------------------------------
  function nodeOf(id) {
    var node = document.getElementById("claim-" + id);
    return node && svg && svg.contains(node) ? node : null;
  }

  function entryOf(id) {
    return document.getElementById("o-" + id);
  }

  function openAround(entry) {
    // Open every collapsed level above the entry, so it can be seen.
    for (var el = entry.parentElement; el && el !== outline; el = el.parentElement) {
      if (el.tagName === "DETAILS") el.open = true;
    }
  }

  var current = null;
  function select(id, from) {
    if (current) {
      var before = nodeOf(current);
      if (before) before.classList.remove("hit");
      var old = entryOf(current);
      if (old) {
        old.classList.remove("current");
        old.removeAttribute("aria-current");
      }
    }
    current = id;
    var node = nodeOf(id);
    var entry = entryOf(id);
    if (node) {
      node.classList.add("hit");
      // Picked elsewhere: bring it to the middle (zooming then keeps it there).
      if (from !== "diagram") centreOn(node);
    }
    if (entry) {
      entry.classList.add("current");
      entry.setAttribute("aria-current", "true");
      openAround(entry);
      if (from !== "outline") entry.scrollIntoView({ block: "center" });
    }
  }

  if (outline) {
    outline.addEventListener("click", function (event) {
      var link = event.target.closest("a");
      if (!link) return;
      if (link.classList.contains("text")) {
        // Select instead of jumping (and instead of opening or closing the branch).
        event.preventDefault();
        var owner = link.closest("[data-claim]");
        if (owner) select(owner.getAttribute("data-claim"), "outline");
      } else if (link.classList.contains("jump")) {
        event.preventDefault();
        select(link.getAttribute("href").slice(3), "link");
      }
    });
  }

  if (svg) {
    svg.addEventListener("click", function (event) {
      if (moved) return; // the end of a drag, not a click
      var node = event.target.closest("g.node");
      if (!node || !node.id || node.id.indexOf("claim-") !== 0) return;
      select(node.id.slice(6), "diagram");
    });
  }

  // --- expand and collapse ---------------------------------------------------------------
  function setAll(open) {
    var all = outline.querySelectorAll("details");
    for (var i = 0; i < all.length; i++) all[i].open = open;
  }
  var expand = document.getElementById("expand-all");
  var collapse = document.getElementById("collapse-all");
  if (expand) expand.addEventListener("click", function () { setAll(true); });
  if (collapse) collapse.addEventListener("click", function () { setAll(false); });

  // --- search ----------------------------------------------------------------------------
  var search = document.getElementById("search");
  var count = document.getElementById("search-count");
  var matches = [];
  var next = 0;

  function find() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var entries = outline.querySelectorAll("[data-claim]");
    matches = [];
    next = 0;
    for (var i = 0; i < entries.length; i++) {
      var entry = entries[i];
      var id = entry.getAttribute("data-claim");
      var link = entry.querySelector(".text");
      var hay = ((link ? link.textContent : "") + " " + id).toLowerCase();
      var hit = words.length > 0 && words.every(function (w) { return hay.indexOf(w) >= 0; });
      entry.classList.toggle("match", hit);
      var node = nodeOf(id);
      if (node) node.classList.toggle("match", hit);
      if (hit) {
        matches.push(id);
        openAround(entry);
      }
    }
    if (!words.length) count.textContent = "";
    else if (!matches.length) count.textContent = "no claim matches";
    else count.textContent = matches.length + (matches.length === 1 ? " claim matches" : " claims match") + " (Enter: next)";
  }

  if (search) {
    search.addEventListener("input", find);
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && matches.length) {
        event.preventDefault();
        select(matches[next % matches.length], "search");
        next += 1;
      } else if (event.key === "Escape") {
        search.value = "";
        find();
      }
    });
  }
})();
