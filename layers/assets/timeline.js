/* geo-news-map: the timeline above the date inputs (part of geo-news-map, see docs/site.md).
 *
 * A small histogram of events per day, week or month (chosen by the span, so that there are
 * at most about a hundred bars), the chosen window drawn over it, and a brush: dragging
 * across the chart (mouse, pen or touch) picks a window of whole bins. The keyboard sets the
 * same window through the date inputs and sliders beside it. Drawn as SVG with DOM APIs; no
 * inline styles (the pages' CSP forbids them), only classes and geometry attributes.
 *
 * When a few events lie far before or after the rest (the page data's `span`), the bins
 * cover the rest's days only, and one bar at each end gathers the events before or after
 * them ("before 3 Jan 2015"), so that one history told in passing does not squeeze every
 * other event into one bar; brushing that bar reaches the first (or last) day.
 *
 *   var t = GeoTimeline.create(element, firstDay, lastDay, function (from, to) {...}, span);
 *   t.draw(startDays, from, to);  // the start days of the events the other filters let in
 *   t.draw(days, from, to, counts);  // or how many events start on each of those days
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var DAY_MS = 864e5;
  var HEIGHT = 40;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function node(tag, attrs) {
    var n = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) {
      n.setAttribute(k, String(attrs[k]));
    });
    return n;
  }

  function utc(day) {
    return new Date(day * DAY_MS);
  }

  function dayOf(year, month, date) {
    return Math.round(Date.UTC(year, month, date) / DAY_MS);
  }

  function label(day) {
    var d = utc(day);
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }

  /* The bins covering [first, last]: [[firstDay, lastDay]], per day up to three months, per
   * week (Monday to Sunday) up to two years, else per month. */
  function bins(first, last) {
    var span = last - first + 1;
    var out = [];
    var day;
    if (span <= 92) {
      for (day = first; day <= last; day++) out.push([day, day]);
      return { unit: "day", bins: out };
    }
    if (span <= 731) {
      day = first - ((((first + 3) % 7) + 7) % 7); /* day 0, 1 Jan 1970, was a Thursday */
      for (; day <= last; day += 7) out.push([day, day + 6]);
      return { unit: "week", bins: out };
    }
    var d = utc(first);
    var year = d.getUTCFullYear();
    var month = d.getUTCMonth();
    for (;;) {
      var start = dayOf(year, month, 1);
      if (start > last) break;
      var end = dayOf(year, month + 1, 1) - 1;
      out.push([start, end]);
      month += 1;
      if (month === 12) {
        month = 0;
        year += 1;
      }
    }
    return { unit: "month", bins: out };
  }

  function binIndex(list, day) {
    var lo = 0;
    var hi = list.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (list[mid][0] <= day) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /* The bins of [first, last], the middle ones over span.days ([from, to]) when given, with
   * one bar for the days before it and one for the days after it. */
  function plannedBins(first, last, span) {
    if (!span) return bins(first, last);
    var a = Math.max(span.days[0], first);
    var b = Math.min(span.days[1], last);
    var plan = bins(a, b);
    var list = plan.bins;
    /* a week's or a month's bin may begin before span.days or end after it */
    plan.before = list[0][0] > first;
    plan.after = list[list.length - 1][1] < last;
    if (plan.before) list.unshift([first, list[0][0] - 1]);
    if (plan.after) list.push([list[list.length - 1][1] + 1, last]);
    return plan;
  }

  function create(container, first, last, onBrush, span) {
    var plan = plannedBins(first, last, span);
    var list = plan.bins;
    var n = list.length;
    var svg = node("svg", {
      class: "timeline-svg",
      viewBox: "0 0 " + n + " " + HEIGHT,
      preserveAspectRatio: "none",
      role: "img",
      "data-unit": plan.unit,
      "data-bins": n
    });
    var windowRect = node("rect", { class: "timeline-window", x: 0, y: 0, width: n, height: HEIGHT });
    svg.appendChild(windowRect);
    var bars = [];
    function edge(k) {
      return (plan.before && k === 0) || (plan.after && k === n - 1);
    }
    var barClass = [];
    for (var k = 0; k < n; k++) {
      barClass.push(edge(k) ? "timeline-bar timeline-edge" : "timeline-bar");
      var bar = node("rect", { class: barClass[k], x: k + 0.08, width: 0.84, y: HEIGHT, height: 0 });
      var tip = node("title");
      bar.appendChild(tip);
      bars.push(bar);
      svg.appendChild(bar);
    }
    var brushRect = node("rect", { class: "timeline-brush", x: 0, y: 0, width: 0, height: HEIGHT });
    svg.appendChild(brushRect);
    container.appendChild(svg);
    var ends = document.createElement("div");
    ends.className = "timeline-ends";
    ends.setAttribute("aria-hidden", "true");
    var left = document.createElement("span");
    left.textContent = plan.before ? label(first) + " \u2026 " + label(list[1][0]) : label(first);
    var right = document.createElement("span");
    right.textContent = plan.after ? label(list[n - 2][1]) + " \u2026 " + label(last) : label(last);
    ends.appendChild(left);
    ends.appendChild(right);
    container.appendChild(ends);

    /* ---- the brush */
    var anchor = null;

    function binAt(clientX) {
      var box = svg.getBoundingClientRect();
      if (box.width <= 0) return 0;
      var k = Math.floor(((clientX - box.left) / box.width) * n);
      return Math.min(Math.max(k, 0), n - 1);
    }

    function windowOf(a, b) {
      var lo = Math.min(a, b);
      var hi = Math.max(a, b);
      return [Math.max(list[lo][0], first), Math.min(list[hi][1], last)];
    }

    function showBrush(a, b) {
      var lo = Math.min(a, b);
      brushRect.setAttribute("x", lo);
      brushRect.setAttribute("width", Math.abs(b - a) + 1);
    }

    svg.addEventListener("pointerdown", function (e) {
      if (e.button !== undefined && e.button !== 0) return;
      e.preventDefault();
      anchor = binAt(e.clientX);
      showBrush(anchor, anchor);
      if (svg.setPointerCapture) svg.setPointerCapture(e.pointerId);
    });
    svg.addEventListener("pointermove", function (e) {
      if (anchor === null) return;
      showBrush(anchor, binAt(e.clientX));
    });
    function finish(e) {
      if (anchor === null) return;
      var w = windowOf(anchor, binAt(e.clientX));
      anchor = null;
      brushRect.setAttribute("width", 0);
      onBrush(w[0], w[1]);
    }
    svg.addEventListener("pointerup", finish);
    svg.addEventListener("pointercancel", function () {
      anchor = null;
      brushRect.setAttribute("width", 0);
    });

    function binText(k) {
      if (plan.before && k === 0) return "before " + label(list[1][0]) + " (from " + label(first) + ")";
      if (plan.after && k === n - 1) return "after " + label(list[n - 2][1]) + " (to " + label(last) + ")";
      if (list[k][0] === list[k][1]) return label(list[k][0]);
      if (plan.unit === "month") {
        return MONTHS[utc(list[k][0]).getUTCMonth()] + " " + utc(list[k][0]).getUTCFullYear();
      }
      return "week of " + label(list[k][0]);
    }

    /* weights (optional): how many events start on each of startDays (a big site's counts). */
    function draw(startDays, from, to, weights) {
      var counts = new Array(n);
      for (var k = 0; k < n; k++) counts[k] = 0;
      var total = 0;
      for (var j = 0; j < startDays.length; j++) {
        var day = Math.min(Math.max(startDays[j], first), last);
        var w = weights ? weights[j] : 1;
        counts[binIndex(list, day)] += w;
        total += w;
      }
      var most = Math.max.apply(null, counts.concat([1]));
      for (k = 0; k < n; k++) {
        var h = counts[k] ? Math.max(2, (counts[k] / most) * (HEIGHT - 2)) : 0;
        bars[k].setAttribute("y", HEIGHT - h);
        bars[k].setAttribute("height", h);
        var inside = list[k][1] >= from && list[k][0] <= to;
        bars[k].setAttribute("class", barClass[k] + (inside ? " in" : ""));
        bars[k].setAttribute("data-count", counts[k]);
        bars[k].firstChild.textContent =
          binText(k) + ": " + counts[k] + (counts[k] === 1 ? " event" : " events");
      }
      var lo = binIndex(list, Math.max(from, first));
      var hi = binIndex(list, Math.min(to, last));
      windowRect.setAttribute("x", lo);
      windowRect.setAttribute("width", hi - lo + 1);
      svg.setAttribute(
        "aria-label",
        "Events per " + plan.unit + ", " + label(first) + " to " + label(last) + ": " + total +
          (total === 1 ? " event" : " events") + "; the chosen dates are " + label(from) +
          " to " + label(to) + "."
      );
    }

    return { draw: draw, unit: plan.unit, bins: list };
  }

  window.GeoTimeline = { create: create, bins: bins };
})();
