/* geo-news-map: the main page of a big site (part of geo-news-map, see docs/site.md, "Big
 * sites"; the data layout is in layers/slices.py).
 *
 * A big site's index.html carries no event: they are in slices/<n>.js, grouped by how long
 * they last and then by date, each a call GeoNewsMap.slice(n, {...}) with JSON data (escaped
 * like the data blocks: data, never code). The page loads, with <script> elements (fetch
 * does not work from file://), the slices a date window needs; events once loaded stay. A
 * window needing more than `slices.load` events is drawn as counts per cell from the slice
 * table, with no list, until it is narrowed. A window of more than `slices.draw` events
 * draws those in view, or, when there are still too many, counts per cell (cells shrink as
 * the map zooms in). The list shows the first `slices.list` events of the window by date. Everything from the data reaches the page through textContent and
 * setAttribute, as in site.js. */
(function () {
  "use strict";

  var G = window.GeoNewsMap;
  var I = G._internals;
  var el = I.el;

  /* Slice files call GeoNewsMap.slice(n, {...}) when they load. */
  var arrived = Object.create(null);
  var waiting = Object.create(null);

  function receiveSlice(number, part) {
    arrived[number] = part;
    var callbacks = waiting[number] || [];
    delete waiting[number];
    callbacks.forEach(function (callback) {
      callback(part);
    });
  }

  function loadSlice(root, number, callback) {
    if (number in arrived) {
      callback(arrived[number]);
      return;
    }
    var first = !(number in waiting);
    (waiting[number] = waiting[number] || []).push(callback);
    if (!first) return;
    var script = document.createElement("script");
    script.src = root + "slices/" + number + ".js";
    script.onerror = function () {
      receiveSlice(number, null);
      delete arrived[number];
    };
    document.head.appendChild(script);
  }

  var COLUMNS = ["id", "t", "c", "p", "dv", "s", "e", "l", "sk", "f", "im", "em", "r"];

  function startSliced(options, site) {
    var data = site.data;
    var ev = site.ev;
    var S = data.slices;
    var map = options.map;
    var groups = options.groups;
    var placesGroup = options.places;
    var range = data.range;
    var total = S.total;
    data.credits.forEach(function (c) {
      map.attributionControl.addAttribution(I.escapeHtml(c));
    });

    /* ---- loaded events: ev's columns grow as slices arrive */
    var layers = [];
    var shown = [];
    var items = [];
    var state = {
      from: range ? range[0] : 0,
      to: range ? range[1] : 0,
      sources: null,
      view: null,
      event: null,
      place: null
    };
    var catOn = groups.map(function (g) {
      return map.hasLayer(g);
    });
    var sliceState = new Uint8Array(S.files.length); /* 0 not asked, 1 loading, 2 in, 3 failed */
    var renderer = null;

    function popupMaker(layer, i) {
      return function () {
        return site.eventPopup(i, true, function () {
          var popup = layer.getPopup();
          if (popup && popup.isOpen()) {
            popup.update();
            I.fitPopup(map, popup);
          }
        });
      };
    }

    function addSlice(number, part) {
      var base = data.geoms.length;
      part.geoms.forEach(function (g) {
        data.geoms.push(g);
      });
      var x0 = S.files[number][4];
      var count = part.ev.id.length;
      for (var j = 0; j < count; j++) {
        var i = site.n;
        COLUMNS.forEach(function (key) {
          var column = part.ev[key];
          ev[key].push(column ? column[j] : key === "f" ? null : 0);
        });
        ev.g.push(base + part.ev.g[j]);
        ev.x.push(x0 + j);
        site.byId[ev.id[i]] = i;
        site.n += 1;
        var centre = I.centreOf(data.geoms[ev.g[i]]);
        centreLat.push(centre.lat);
        centreLon.push(centre.lng);
        layers.push(null); /* made the first time the filter shows the event */
        shown.push(0);
        items.push(null);
      }
    }

    /* Event i's shape, made on first use and put on the map (hidden). */
    function layerOf(i) {
      if (layers[i]) return layers[i];
      var layer = I.shapeLayer(data.geoms[ev.g[i]], site.eventStyle(i));
      layer._geoEvent = i;
      if (layer.eachLayer) layer.eachLayer(setEvent(i));
      layer.bindPopup(popupMaker(layer, i), { maxWidth: 340, autoPanPadding: [12, 12] });
      I.setHidden(layer, true);
      groups[ev.c[i]].addLayer(layer);
      layers[i] = layer;
      made.push(i);
      if (!renderer) renderer = I.rendererOf(layer);
      drawOrderDirty = true;
      return layer;
    }
    var made = [];
    var centreLat = [];
    var centreLon = [];

    function setEvent(i) {
      return function (child) {
        child._geoEvent = i;
      };
    }

    /* The slices a window needs: those with an event starting by its end and ending after
     * its start. */
    function needed(from, to) {
      var out = [];
      for (var k = 0; k < S.files.length; k++) {
        if (S.files[k][0] <= to && S.files[k][2] >= from) out.push(k);
      }
      return out;
    }

    function countOf(list) {
      var sum = 0;
      list.forEach(function (k) {
        sum += S.files[k][3];
      });
      return sum;
    }

    /* Load what the window needs, then apply; a newer request supersedes an older one. */
    var request = 0;
    var failed = false;
    var timings = { loading: 0, applying: 0 };
    var timingLog = [];
    function timedApply(tooMany, since) {
      var t = performance.now();
      apply(tooMany);
      timings = { loading: t - since, applying: performance.now() - t, mode: mode };
      timingLog.push(timings);
    }

    function ensureThenApply() {
      var since = performance.now();
      var want = needed(state.from, state.to);
      if (countOf(want) > S.load) {
        timedApply(want, since);
        return;
      }
      var missing = want.filter(function (k) {
        return sliceState[k] !== 2 && sliceState[k] !== 3;
      });
      if (!missing.length) {
        timedApply(null, since);
        return;
      }
      var mine = ++request;
      var left = missing.length;
      countText.textContent = "Loading the events of these dates…";
      document.documentElement.setAttribute("data-loading", "true");
      missing.forEach(function (k) {
        sliceState[k] = 1;
        loadSlice(site.root, k, function (part) {
          if (sliceState[k] === 1) {
            if (part) {
              addSlice(k, part);
              sliceState[k] = 2;
            } else {
              sliceState[k] = 3;
              failed = true;
            }
          }
          left -= 1;
          if (left === 0 && mine === request) {
            document.documentElement.removeAttribute("data-loading");
            timedApply(null, since);
          }
        });
      });
    }

    /* ---- the list */
    var list = document.getElementById("event-list");
    function itemFor(i) {
      if (items[i]) return items[i];
      var cat = data.cats[ev.c[i]];
      var meta = ev.l[i] + (ev.p[i] ? " · " + ev.p[i] : "");
      var button = el("button", { type: "button", class: "event-button" }, [
        ev.t[i],
        el("span", { class: "event-meta", text: meta })
      ]);
      var item = el("li", { class: "event-item " + cat.cls, "data-event-id": ev.id[i] }, [button]);
      item._geoEvent = i;
      items[i] = item;
      return item;
    }
    list.addEventListener("click", function (e) {
      var target = e.target.closest ? e.target.closest("li[data-event-id]") : null;
      if (target && target._geoEvent !== undefined) {
        select(target._geoEvent);
      }
    });

    /* ---- the sources filter (counts over the whole site, from the index) */
    var sourceBoxes = [];
    var sourceFilter = document.getElementById("source-filter");
    if (site.sourceNames.length > 1 && sourceFilter) {
      var order = site.sourceNames.map(function (_, k) {
        return k;
      });
      order.sort(function (a, b) {
        return (
          S.sourceCounts[b] - S.sourceCounts[a] ||
          (site.sourceNames[a] < site.sourceNames[b] ? -1 : 1)
        );
      });
      order.forEach(function (k) {
        var id = "source-" + k;
        var box = el("input", { type: "checkbox", id: id, checked: true });
        sourceBoxes[k] = box;
        sourceFilter.appendChild(
          el("div", { class: "source-option" }, [
            box,
            el("label", { for: id }, [site.sourceNames[k] + " (" + S.sourceCounts[k] + ")"])
          ])
        );
      });
      sourceFilter.addEventListener("change", function () {
        var chosen = {};
        var all = true;
        sourceBoxes.forEach(function (box, k) {
          if (box.checked) chosen[k] = true;
          else all = false;
        });
        state.sources = all ? null : chosen;
        refit();
      });
      document.getElementById("sources-all").addEventListener("click", function () {
        setSources(null);
        refit();
      });
      document.getElementById("sources-none").addEventListener("click", function () {
        setSources({});
        refit();
      });
      document.getElementById("sources-panel").hidden = false;
    }

    function setSources(chosen) {
      state.sources = chosen;
      sourceBoxes.forEach(function (box, k) {
        box.checked = chosen === null || !!chosen[k];
      });
    }

    function sourceOk(i) {
      if (state.sources === null) return true;
      var keys = ev.sk[i];
      for (var k = 0; k < keys.length; k++) if (state.sources[keys[k]]) return true;
      return false;
    }

    /* ---- date controls */
    var fromInput = document.getElementById("date-from");
    var toInput = document.getElementById("date-to");
    var fromRange = document.getElementById("range-from");
    var toRange = document.getElementById("range-to");
    var countText = document.getElementById("event-count");

    function clampToRange(day) {
      return Math.min(Math.max(day - range[0], 0), range[1] - range[0]);
    }

    function syncControls() {
      if (!range) return;
      fromInput.value = G.isoFromDay(state.from);
      toInput.value = G.isoFromDay(state.to);
      fromRange.value = String(clampToRange(state.from));
      toRange.value = String(clampToRange(state.to));
      fromRange.setAttribute("aria-valuetext", G.isoFromDay(state.from));
      toRange.setAttribute("aria-valuetext", G.isoFromDay(state.to));
    }

    if (range) {
      fromRange.addEventListener("input", function () {
        state.from = range[0] + +fromRange.value;
        if (state.from > state.to) state.to = state.from;
        refit();
      });
      toRange.addEventListener("input", function () {
        state.to = range[0] + +toRange.value;
        if (state.to < state.from) state.from = state.to;
        refit();
      });
      var onDate = function (input, which) {
        return function () {
          var day = G.dayFromIso(input.value);
          if (day === null) return;
          state[which] = day;
          if (state.from > state.to) {
            if (which === "from") state.to = day;
            else state.from = day;
          }
          refit();
        };
      };
      fromInput.addEventListener("change", onDate(fromInput, "from"));
      toInput.addEventListener("change", onDate(toInput, "to"));
      document.getElementById("date-reset").addEventListener("click", function () {
        state.from = range[0];
        state.to = range[1];
        refit();
      });
    }

    /* ---- the timeline: events starting per day, from the index, for the layers shown */
    var timeline = null;
    var timelineChart = document.getElementById("timeline-chart");
    if (range && timelineChart && window.GeoTimeline) {
      timeline = window.GeoTimeline.create(timelineChart, range[0], range[1], function (from, to) {
        state.from = from;
        state.to = to;
        refit();
      });
    }

    function timelineDays() {
      var days = [];
      var weights = [];
      S.hist.forEach(function (h, c) {
        if (!catOn[c]) return;
        for (var k = 0; k < h[0].length; k++) {
          days.push(h[0][k]);
          weights.push(h[1][k]);
        }
      });
      return [days, weights];
    }

    /* ---- legend counts */
    var legendCounts = [];
    var legendItems = document.querySelectorAll(".legend-categories li[data-category]");
    data.cats.forEach(function (cat, c) {
      for (var k = 0; k < legendItems.length; k++) {
        if (legendItems[k].getAttribute("data-category") === cat.key) {
          legendCounts[c] = legendItems[k].querySelector(".count");
        }
      }
    });

    /* ---- counts per cell, for windows too full to draw event by event */
    var cells = L.layerGroup().addTo(map);

    /* Cells shrink as the map zooms in: about 90° / 2^zoom across. */
    function cellSize() {
      return Math.max(0.25, 90 / Math.pow(2, map.getZoom()));
    }

    /* Draw counts per cell: from the loaded events `listed`, or from the slice table's
     * counts of the slices `slices` (a window too full to load). Returns the events counted. */
    function drawCells(listed, slices) {
      cells.clearLayers();
      if (!listed && !slices) return 0;
      var size = cellSize();
      var sums = Object.create(null);
      var counted = 0;
      var add = function (lat, lon, count) {
        var key = Math.floor(lat / size) + "," + Math.floor(lon / size);
        sums[key] = (sums[key] || 0) + count;
        counted += count;
      };
      if (listed) {
        listed.forEach(function (i) {
          add(centreLat[i], centreLon[i], 1);
        });
      } else {
        slices.forEach(function (k) {
          var g = S.grid[k];
          for (var m = 0; m < g.length; m += 4) {
            if (catOn[g[m + 2]]) add((g[m] + 0.5) * S.cell, (g[m + 1] + 0.5) * S.cell, g[m + 3]);
          }
        });
      }
      var about = slices ? "About " : "";
      Object.keys(sums).forEach(function (key) {
        var parts = key.split(",");
        var count = sums[key];
        var marker = L.circleMarker([(+parts[0] + 0.5) * size, (+parts[1] + 0.5) * size], {
          radius: Math.min(28, 4 + 3 * Math.log(count + 1)),
          color: "#37474f",
          weight: 1,
          fillColor: "#546e7a",
          fillOpacity: 0.55
        });
        marker.bindPopup(function () {
          return el("div", { class: "popup popup-cell" }, [
            el("p", {
              text:
                about + count + (count === 1 ? " event" : " events") +
                " here in these dates. Zoom in or narrow the dates to see them one by one."
            })
          ]);
        });
        cells.addLayer(marker);
      });
      return counted;
    }

    function inView(i, box) {
      var g = data.geoms[ev.g[i]];
      var b = g.t === "pt" ? [g.c, g.c] : g.b;
      return b[0][0] <= box.north && b[1][0] >= box.south && b[0][1] <= box.east && b[1][1] >= box.west;
    }

    /* ---- applying the filter */
    var drawOrderDirty = false;
    var refitWanted = false;
    var listedNow = [];

    function fixDrawOrder() {
      drawOrderDirty = false;
      var order = made.slice();
      var size = function (k) {
        var g = data.geoms[ev.g[k]];
        return g.b ? (g.b[1][0] - g.b[0][0]) * (g.b[1][1] - g.b[0][1]) : 0;
      };
      var point = function (k) {
        return site.isArea(ev.g[k]) ? 0 : 1;
      };
      order.sort(function (a, b) {
        return point(a) - point(b) || size(b) - size(a) || a - b;
      });
      order.forEach(function (k) {
        if (layers[k]._map) layers[k].bringToFront();
      });
    }

    /* tooMany: the slices of a window too full to draw (counts per cell), else null. */
    /* How the last window was drawn: "shapes" (every event), "view" (the events in view),
     * "cells" (counts of the loaded events per cell), "slices" (counts from the index). */
    var mode = "shapes";

    function apply(tooMany) {
      var from = state.from;
      var to = state.to;
      var changed = false;
      var perCategory = data.cats.map(function () {
        return 0;
      });
      var listed = [];
      var i;
      if (!tooMany) {
        for (i = 0; i < site.n; i++) {
          if (ev.s[i] <= to && ev.e[i] >= from && sourceOk(i)) {
            perCategory[ev.c[i]] += 1;
            if (catOn[ev.c[i]]) listed.push(i);
          }
        }
      }
      listed.sort(function (a, b) {
        return ev.r[a] - ev.r[b];
      });
      if (refitWanted) {
        refitWanted = false;
        fitting = true; /* this apply draws for the new view: no second one on its moveend */
        fitToListed(listed);
        fitting = false;
      }
      /* before the list changes: the base map's labels read the layout, which is then clean */
      nameEvents(listed);
      /* Draw every event of the window, else those in view, else counts per cell. */
      var drawn = listed;
      mode = tooMany ? "slices" : "shapes";
      if (!tooMany && listed.length > S.draw) {
        var b = map.getBounds().pad(0.1);
        var box = { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() };
        drawn = listed.filter(function (k) {
          return inView(k, box);
        });
        mode = drawn.length <= S.draw ? "view" : "cells";
        if (mode === "cells") drawn = [];
      }
      var mark = new Uint8Array(site.n);
      drawn.forEach(function (k) {
        mark[k] = 1;
      });
      for (i = 0; i < site.n; i++) {
        if (mark[i] !== shown[i]) {
          I.setHidden(layerOf(i), !mark[i]);
          shown[i] = mark[i];
          changed = true;
        }
      }
      var counted = drawCells(mode === "cells" ? listed : null, tooMany);
      if (tooMany) {
        /* counts of the events starting in the window, from the index */
        S.hist.forEach(function (h, c) {
          for (var k = 0; k < h[0].length; k++) {
            if (h[0][k] >= from && h[0][k] <= to) perCategory[c] += h[1][k];
          }
        });
      }
      legendCounts.forEach(function (count, c) {
        if (!count) return;
        var all = data.cats[c].count;
        count.textContent =
          "(" + (perCategory[c] === all && !tooMany ? all : (tooMany ? "about " : "") +
            perCategory[c] + " of " + all) + ")";
      });
      if (timeline) {
        var t = timelineDays();
        timeline.draw(t[0], from, to, t[1]);
      }
      applyPlaces();
      listedNow = listed;
      var fragment = document.createDocumentFragment();
      for (var k = 0; k < listed.length && k < S.list; k++) fragment.appendChild(itemFor(listed[k]));
      while (list.firstChild) list.removeChild(list.firstChild);
      list.appendChild(fragment);
      if (drawOrderDirty) fixDrawOrder();
      if (changed || drawOrderDirty) I.repaint(renderer);
      var dates = range ? ", " + G.isoFromDay(from) + " to " + G.isoFromDay(to) : "";
      if (tooMany) {
        countText.textContent =
          "About " + counted + " of " + total + " events" + dates +
          ": too many to draw one by one, so the map shows how many are in each area. " +
          "Narrow the dates to see and list them.";
      } else {
        countText.textContent =
          "Showing " + listed.length + " of " + total + " events" + dates + "." +
          (mode === "view" ? " The map draws the " + drawn.length + " in view; zoomed out, it counts them per area." : "") +
          (mode === "cells" ? " The map shows how many are in each area; zoom in or narrow the dates to see them one by one." : "") +
          (listed.length > S.list ? " The list shows the first " + S.list + "; narrow the dates to list the others." : "") +
          (failed ? " Some events could not be loaded." : "");
      }
      syncControls();
      writeHash();
      document.documentElement.setAttribute(
        "data-window",
        G.isoFromDay(from) + "/" + G.isoFromDay(to) + (tooMany ? "/cells" : "")
      );
      if (pendingSelect !== null) {
        var id = pendingSelect;
        pendingSelect = null;
        if (id in site.byId && shown[site.byId[id]]) select(site.byId[id]);
      }
      if (!ready) {
        ready = true;
        document.documentElement.setAttribute("data-ready", "true");
      }
      I.announceApplied();
    }
    var ready = false;
    var pendingSelect = null;

    function nameEvents(listed) {
      var base = options.base;
      if (!base || !base.setEvents) return;
      var places = [];
      for (var k = 0; k < listed.length && k < S.list; k++) {
        var i = listed[k];
        if (!ev.p[i]) continue;
        var geom = data.geoms[ev.g[i]];
        var c = I.centreOf(geom);
        var b = geom.b;
        places.push({
          name: ev.p[i],
          lat: c.lat,
          lon: c.lng,
          size: b ? Math.max(b[1][0] - b[0][0], b[1][1] - b[0][1]) : 0
        });
      }
      places.sort(function (a, b) {
        return a.size - b.size;
      });
      base.setEvents(places);
    }

    function fitToListed(listed) {
      var south = Infinity;
      var west = Infinity;
      var north = -Infinity;
      var east = -Infinity;
      listed.forEach(function (i) {
        var geom = data.geoms[ev.g[i]];
        var b = geom.t === "pt" ? [geom.c, geom.c] : geom.b;
        south = Math.min(south, b[0][0]);
        west = Math.min(west, b[0][1]);
        north = Math.max(north, b[1][0]);
        east = Math.max(east, b[1][1]);
      });
      if (south === Infinity) return false;
      map.fitBounds(L.latLngBounds([south, west], [north, east]), {
        maxZoom: 6,
        padding: [24, 24],
        animate: false
      });
      return true;
    }

    /* ---- places mentioned (aggregated: one dot per place) */
    var pl = data.pl;
    var np = pl.id.length;
    var placeLayers = new Array(np);
    var placeShown = new Uint8Array(np);
    for (var j = 0; j < np; j++) {
      var player = I.shapeLayer(data.geoms[pl.g[j]], site.placeStyle(pl.g[j]));
      player._geoPlace = j;
      player.bindPopup(site.placePopup.bind(site, j), { maxWidth: 340 });
      I.setHidden(player, true);
      if (placesGroup) placesGroup.addLayer(player);
      placeLayers[j] = player;
      if (!renderer) renderer = I.rendererOf(player);
    }

    function applyPlaces() {
      for (var j = 0; j < np; j++) {
        var spans = pl.w[j];
        var want = spans === null;
        for (var k = 0; !want && k < spans.length; k++) {
          want = spans[k][0] <= state.to && spans[k][1] >= state.from;
        }
        if (want !== (placeShown[j] === 1)) {
          I.setHidden(placeLayers[j], !want);
          placeShown[j] = want ? 1 : 0;
        }
      }
    }

    /* ---- scheduling */
    function refit() {
      refitWanted = true;
      state.view = null;
      schedule();
    }

    var pending = false;
    function schedule() {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        ensureThenApply();
      });
    }

    /* ---- the hash (as on a small site) */
    var embedded = document.body.classList.contains("site-embed-all");
    var embedPanel = document.getElementById("embed-view-panel");
    var embedCode = document.getElementById("embed-view-code");
    var embedButton = document.getElementById("embed-view");
    var lastFilter = "";

    function writeHash() {
      if (!range) return;
      var parts = ["from=" + G.isoFromDay(state.from), "to=" + G.isoFromDay(state.to)];
      var on = [];
      groups.forEach(function (g, c) {
        if (catOn[c]) on.push(encodeURIComponent(data.cats[c].key));
      });
      parts.push("layers=" + on.join(","));
      if (placesGroup && map.hasLayer(placesGroup)) parts.push("places=1");
      if (state.sources !== null) {
        var names = [];
        Object.keys(state.sources).forEach(function (k) {
          names.push(encodeURIComponent(site.sourceNames[+k]));
        });
        names.sort();
        parts.push("sources=" + names.join(","));
      }
      if (state.view !== null) parts.push("view=" + state.view);
      lastFilter = parts.join("&");
      if (state.event !== null) parts.push("event=" + encodeURIComponent(state.event));
      else if (state.place !== null) parts.push("place=" + encodeURIComponent(state.place));
      if (embedded) {
        document.querySelectorAll("a.full-map").forEach(function (a) {
          a.setAttribute("href", "../index.html#" + lastFilter);
        });
        var copy = document.getElementById("embed-count");
        if (copy) copy.textContent = countText.textContent;
      } else if (embedPanel && !embedPanel.hidden) {
        fillEmbedCode();
      }
      var text = "#" + parts.join("&");
      if (text !== window.location.hash) {
        try {
          window.history.replaceState(null, "", text);
        } catch (e) {
          /* some file:// setups refuse */
        }
      }
    }

    function viewText() {
      var c = map.getCenter();
      return map.getZoom() + "/" + c.lat.toFixed(4) + "/" + c.lng.toFixed(4);
    }

    function fillEmbedCode() {
      var hash = lastFilter.replace(/(^|&)view=[^&]*/, "") + "&view=" + viewText();
      var src = new URL("embed/index.html", window.location.href).href + "#" + hash;
      embedCode.value = I.fillSnippet(data.snippet, {
        src: I.escapeHtml(src),
        title: I.escapeHtml("Map: " + data.title)
      });
      document.getElementById("embed-view-open").setAttribute("href", "embed/index.html#" + hash);
    }

    if (embedButton && embedPanel && embedCode) {
      embedButton.addEventListener("click", function () {
        var open = embedPanel.hidden;
        if (open) fillEmbedCode();
        embedPanel.hidden = !open;
        embedButton.setAttribute("aria-expanded", open ? "true" : "false");
      });
      var copyButton = document.getElementById("embed-view-copy");
      copyButton.addEventListener("click", function () {
        I.copyFrom(embedCode, copyButton);
      });
    }
    if (embedded) {
      var fallback = document.querySelector(".embed-fallback");
      if (fallback) fallback.parentNode.removeChild(fallback);
      map.scrollWheelZoom.disable();
      map.on("click focus", function () {
        map.scrollWheelZoom.enable();
      });
    }

    function parseView(text) {
      var m = /^(\d{1,2})\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/.exec(text || "");
      if (!m) return null;
      var lat = +m[2];
      var lng = +m[3];
      if (lat < -90 || lat > 90 || lng < -360 || lng > 360 || +m[1] > 20) return null;
      return { zoom: +m[1], centre: [lat, lng] };
    }

    function setLayerOn(group, on) {
      if (on && !map.hasLayer(group)) map.addLayer(group);
      if (!on && map.hasLayer(group)) map.removeLayer(group);
    }

    function applyHash(initial) {
      var h = I.parseHash(window.location.hash);
      if (range) {
        var from = "from" in h ? G.dayFromIso(h.from) : null;
        var to = "to" in h ? G.dayFromIso(h.to) : null;
        var first = S.first || range;
        state.from = from === null ? (to === null ? first[0] : range[0]) : from;
        state.to = to === null ? (from === null ? first[1] : range[1]) : to;
        if (state.from > state.to) {
          var swap = state.from;
          state.from = state.to;
          state.to = swap;
        }
      }
      if ("layers" in h) {
        var wanted = I.decodeList(h.layers);
        groups.forEach(function (g, c) {
          setLayerOn(g, wanted.indexOf(data.cats[c].key) >= 0);
        });
      } else if (!initial) {
        groups.forEach(function (g) {
          setLayerOn(g, true);
        });
      }
      if (placesGroup) setLayerOn(placesGroup, h.places === "1");
      catOn = groups.map(function (g) {
        return map.hasLayer(g);
      });
      if ("sources" in h && sourceBoxes.length) {
        var chosen = {};
        I.decodeList(h.sources).forEach(function (name) {
          var k = site.sourceNames.indexOf(name);
          if (k >= 0) chosen[k] = true;
        });
        setSources(chosen);
      } else {
        setSources(null);
      }
      var view = parseView(h.view);
      state.event = null;
      state.place = null;
      state.view = view ? h.view : null;
      var placeId = "place" in h ? I.decodeOne(h.place) : null;
      pendingSelect = "event" in h ? I.decodeOne(h.event) : null;
      if (view) {
        map.setView(view.centre, view.zoom, { animate: false });
      } else if (pendingSelect === null) {
        refitWanted = true;
        if (initial && data.bounds) {
          map.fitBounds(data.bounds, { maxZoom: 6, padding: [20, 20], animate: false });
        }
      }
      if (placeId !== null && placeId in site.placeById) selectPlace(site.placeById[placeId]);
      ensureThenApply();
    }

    /* ---- choosing an event or a place */
    function zoomTo(geom) {
      if (geom.t === "pt") {
        map.setView(geom.c, Math.max(map.getZoom(), 6), { animate: false });
      } else {
        map.fitBounds(geom.b, { maxZoom: 7, padding: [30, 30], animate: false });
      }
    }

    function select(i) {
      zoomTo(data.geoms[ev.g[i]]);
      if (layers[i] && layers[i]._map && shown[i]) {
        layers[i].openPopup();
      } else {
        var popup = L.popup({ maxWidth: 340, autoPanPadding: [12, 12] }).setLatLng(
          I.centreOf(data.geoms[ev.g[i]])
        );
        popup.setContent(
          site.eventPopup(i, true, function () {
            if (popup.isOpen()) I.fitPopup(map, popup);
          })
        );
        popup._geoEvent = i;
        popup.openOn(map);
      }
      state.event = ev.id[i];
      state.place = null;
      writeHash();
    }

    function selectPlace(j) {
      var geom = data.geoms[pl.g[j]];
      if (placesGroup) setLayerOn(placesGroup, true);
      zoomTo(geom);
      L.popup({ maxWidth: 340 }).setLatLng(I.centreOf(geom)).setContent(site.placePopup(j)).openOn(map);
      state.place = pl.id[j];
      state.event = null;
    }

    I.keepPopupsInMap(map);
    map.on("popupopen", function (e) {
      var source = e.popup._source;
      var i = source && source._geoEvent !== undefined ? source._geoEvent : e.popup._geoEvent;
      if (i !== undefined) {
        state.event = ev.id[i];
        state.place = null;
      } else if (source && source._geoPlace !== undefined) {
        state.place = pl.id[source._geoPlace];
        state.event = null;
      }
      writeHash();
    });
    map.on("popupclose", function () {
      state.event = null;
      state.place = null;
      writeHash();
    });
    /* Too many events to draw them all: what is drawn depends on the view. */
    var fitting = false;
    map.on("moveend", function () {
      if (mode !== "shapes" && !fitting) schedule();
    });
    map.on("overlayadd overlayremove", function (e) {
      catOn = groups.map(function (g) {
        return map.hasLayer(g);
      });
      if (e.type === "overlayadd") drawOrderDirty = true;
      if (e.layer !== placesGroup) {
        refitWanted = true;
        state.view = null;
      }
      schedule();
    });
    window.addEventListener("hashchange", function () {
      if (window.location.hash.indexOf("=") < 0) return;
      applyHash(false);
    });

    window.GeoNewsMap.view = {
      map: map,
      sliced: true,
      drawnEventIds: function () {
        var out = [];
        for (var i = 0; i < site.n; i++) {
          if (layers[i] && layers[i]._map && shown[i]) out.push(ev.id[i]);
        }
        return out;
      },
      drawnPlaceIds: function () {
        var out = [];
        for (var j = 0; j < np; j++) if (placeLayers[j]._map && placeShown[j]) out.push(pl.id[j]);
        return out;
      },
      /* The slices loaded so far, and the events listed in the window (all, not only the
       * entries the list shows). */
      loadedSlices: function () {
        var out = [];
        for (var k = 0; k < sliceState.length; k++) if (sliceState[k] === 2) out.push(k);
        return out;
      },
      listedEventIds: function () {
        return listedNow.map(function (i) {
          return ev.id[i];
        });
      },
      /* How long the last window took: loading its slices, then applying it (ms). */
      timings: function () {
        return timingLog.splice(0);
      },
      /* "shapes", "view" (the events in view), "cells" or "slices" (counts per cell). */
      drawMode: function () {
        return mode;
      },
      cellCount: function () {
        return cells.getLayers().length;
      },
      baseOnMap: function () {
        return map.hasLayer(options.base);
      },
      labels: function () {
        return options.base && options.base.labelsShown ? options.base.labelsShown() : [];
      }
    };
    applyHash(true);
  }

  G.slice = receiveSlice;
  G.startSliced = startSliced;
})();
