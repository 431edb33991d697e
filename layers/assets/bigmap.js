/* geo-news-map: the main page of a big site (part of geo-news-map, see docs/site.md, "Big
 * sites"; the data layout is in layers/slices.py). Needs controls.js and site.js.
 *
 * A big site's index.html carries no event: they are in slices/<n>.js, grouped by how long
 * they last and then by date, each a call GeoNewsMap.slice(n, "{...}") with JSON text in a
 * string (escaped like the data blocks: data, never code), read with JSON.parse. The page
 * loads, with <script> elements (fetch does not work from file://), the slices a date
 * window needs; events once loaded stay. A
 * window needing more than `slices.load` events is drawn as counts per cell from the slice
 * table, with no list, until it is narrowed. A window of more than `slices.draw` events
 * draws those in view, or, when there are still too many, counts per cell (cells shrink as
 * the map zooms in). The list shows the first `slices.list` events of the window by date.
 *
 * Applying a window costs what the window holds, not what was loaded before: only the
 * slices the window needs are scanned, only the shapes entering or leaving it are shown or
 * hidden, the list and the base map's names are rebuilt only when their events change, and
 * a map already framed is not moved. Everything from the data reaches the page through
 * textContent and setAttribute, as in site.js. */
(function () {
  "use strict";

  var G = window.GeoNewsMap;
  var I = G._internals;
  var C = window.GeoControls;
  var el = C.el;

  /* Slice files call GeoNewsMap.slice(n, "{...}") when they load. */
  var sliceFiles = new C.ScriptFiles();

  var COLUMNS = ["id", "t", "c", "p", "dv", "s", "e", "l", "sk", "f", "im", "em", "r"];

  /* The same entries in the same order (list entries, named places). */
  function sameList(a, b) {
    if (a.length !== b.length) return false;
    for (var k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
    return true;
  }

  /* Sort event indices by their position r[i] in date order (the list's order). */
  var INDEX_BITS = 2097152; /* 2^21 events loaded; r below 2^31: keys stay exact doubles */
  function byDate(indices, r) {
    var keys = new Float64Array(indices.length);
    for (var k = 0; k < indices.length; k++) keys[k] = r[indices[k]] * INDEX_BITS + indices[k];
    keys.sort();
    var out = new Array(keys.length);
    for (k = 0; k < keys.length; k++) out[k] = keys[k] % INDEX_BITS;
    return out;
  }

  function startSliced(options, site) {
    var data = site.data;
    var ev = site.ev;
    var S = data.slices;
    var map = options.map;
    var groups = options.groups;
    var range = data.range;
    var total = S.total;
    var controls = new C.Controls(options, site, function () {
      ensureThenApply();
    });
    var state = controls.state;
    var countText = controls.countText;

    /* ---- loaded events: ev's columns grow as slices arrive */
    var layers = [];
    var shown = [];
    var items = [];
    /* each event's bounds (south, west, north, east) and centre, for view and cell tests */
    var boxS = [];
    var boxW = [];
    var boxN = [];
    var boxE = [];
    var centreLat = [];
    var centreLon = [];
    var boxes = { s: boxS, w: boxW, n: boxN, e: boxE };
    var sliceState = new Uint8Array(S.files.length); /* 0 not asked, 1 loading, 2 in, 3 failed */
    var sliceFirst = new Int32Array(S.files.length); /* its first event among those loaded */
    var renderer = null;

    function addSlice(number, part) {
      var base = data.geoms.length;
      part.geoms.forEach(function (g) {
        data.geoms.push(g);
      });
      var x0 = S.files[number][4];
      var count = part.ev.id.length;
      sliceFirst[number] = site.n;
      COLUMNS.forEach(function (key) {
        var column = part.ev[key];
        var target = ev[key];
        var blank = key === "f" ? null : 0;
        for (var j = 0; j < count; j++) target.push(column ? column[j] : blank);
      });
      for (var j = 0; j < count; j++) {
        var i = site.n;
        ev.g.push(base + part.ev.g[j]);
        ev.x.push(x0 + j);
        site.byId[ev.id[i]] = i;
        site.n += 1;
        var geom = data.geoms[ev.g[i]];
        var b = geom.t === "pt" ? [geom.c, geom.c] : geom.b;
        boxS.push(b[0][0]);
        boxW.push(b[0][1]);
        boxN.push(b[1][0]);
        boxE.push(b[1][1]);
        /* the centre, as C.centreOf gives it (a point's own, else its box's) */
        centreLat.push(geom.t === "pt" ? geom.c[0] : (b[0][0] + b[1][0]) / 2);
        centreLon.push(geom.t === "pt" ? geom.c[1] : (b[0][1] + b[1][1]) / 2);
        layers.push(null); /* made the first time the filter shows the event */
        shown.push(0);
        items.push(null);
      }
    }

    /* Event i's shape, made on first use and put on the map (hidden). */
    var made = [];
    function layerOf(i) {
      if (layers[i]) return layers[i];
      var layer = I.shapeLayer(data.geoms[ev.g[i]], site.eventStyle(i));
      layer._geoEvent = i;
      if (layer.eachLayer) layer.eachLayer(setEvent(i));
      layer.bindPopup(I.layerPopup(site, map, layer, i, null), { maxWidth: 340, autoPanPadding: [12, 12] });
      I.setHidden(layer, true);
      groups[ev.c[i]].addLayer(layer);
      layers[i] = layer;
      made.push(i);
      if (!renderer) renderer = I.rendererOf(layer);
      drawOrderDirty = true;
      return layer;
    }

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
    var timingLog = [];
    function timedApply(want, tooMany, since) {
      var t = performance.now();
      apply(want, tooMany);
      timingLog.push({ loading: t - since, applying: performance.now() - t, mode: mode });
    }

    function ensureThenApply() {
      var since = performance.now();
      var want = needed(state.from, state.to);
      if (countOf(want) > S.load) {
        timedApply(want, true, since);
        return;
      }
      var missing = want.filter(function (k) {
        return sliceState[k] !== 2 && sliceState[k] !== 3;
      });
      if (!missing.length) {
        timedApply(want, false, since);
        return;
      }
      var mine = ++request;
      var left = missing.length;
      countText.textContent = "Loading the events of these dates…";
      document.documentElement.setAttribute("data-loading", "true");
      missing.forEach(function (k) {
        sliceState[k] = 1;
        sliceFiles.load(site.root + "slices/" + k + ".js", k, function (part) {
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
            timedApply(needed(state.from, state.to), false, since);
          }
        });
      });
    }

    /* ---- the list: the first `S.list` events of the window, entries made on first use */
    var list = controls.list;
    var listShown = [];
    function itemFor(i) {
      if (!items[i]) items[i] = site.listItem(i);
      return items[i];
    }
    list.addEventListener("click", function (e) {
      var target = e.target.closest ? e.target.closest("li[data-event-id]") : null;
      if (target && target._geoEvent !== undefined) {
        select(target._geoEvent);
      }
    });

    function showList(listed) {
      var first = listed.length > S.list ? listed.slice(0, S.list) : listed;
      if (sameList(first, listShown)) return;
      listShown = first;
      var fragment = document.createDocumentFragment();
      for (var k = 0; k < first.length; k++) fragment.appendChild(itemFor(first[k]));
      list.textContent = "";
      list.appendChild(fragment);
    }

    /* ---- the sources filter (counts over the whole site, from the index), the date
     * controls and timeline, the legend's counts */
    controls.buildSources(S.sourceCounts);
    controls.buildDates();
    var legendCounts = controls.legendCounts();
    controls.buildEmbed();

    /* the timeline: events starting per day, from the index, for the layers shown */
    function timelineDays() {
      var days = [];
      var weights = [];
      S.hist.forEach(function (h, c) {
        if (!controls.catOn[c]) return;
        for (var k = 0; k < h[0].length; k++) {
          days.push(h[0][k]);
          weights.push(h[1][k]);
        }
      });
      return [days, weights];
    }

    /* ---- counts per cell, for windows too full to draw event by event */
    var cells = L.layerGroup().addTo(map);

    /* Cells shrink as the map zooms in: about 90° / 2^zoom across. */
    function cellSize() {
      return Math.max(0.25, 90 / Math.pow(2, map.getZoom()));
    }

    /* Draw counts per cell: from the loaded events `listed`, or from the slice table's
     * counts of the slices `slices` (a window too full to load). Returns the events counted. */
    var CELL_KEY = 65536; /* a cell's key: (row + half) * CELL_KEY + column + half */
    var CELL_HALF = 32768;
    function drawCells(listed, slices) {
      cells.clearLayers();
      if (!listed && !slices) return 0;
      var size = cellSize();
      var sums = new Map();
      var counted = 0;
      var add = function (lat, lon, count) {
        var key = (Math.floor(lat / size) + CELL_HALF) * CELL_KEY + Math.floor(lon / size) + CELL_HALF;
        sums.set(key, (sums.get(key) || 0) + count);
        counted += count;
      };
      if (listed) {
        for (var k = 0; k < listed.length; k++) add(centreLat[listed[k]], centreLon[listed[k]], 1);
      } else {
        var catOn = controls.catOn;
        slices.forEach(function (s) {
          var g = S.grid[s];
          for (var m = 0; m < g.length; m += 4) {
            if (catOn[g[m + 2]]) add((g[m] + 0.5) * S.cell, (g[m + 1] + 0.5) * S.cell, g[m + 3]);
          }
        });
      }
      var about = slices ? "About " : "";
      sums.forEach(function (count, key) {
        var row = Math.floor(key / CELL_KEY) - CELL_HALF;
        var column = (key % CELL_KEY) - CELL_HALF;
        var marker = L.circleMarker([(row + 0.5) * size, (column + 0.5) * size], {
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

    /* ---- applying the filter */
    var drawOrderDirty = false;
    var listedNow = [];
    var drawnNow = [];
    var namedNow = null;

    /* Put the shapes made so far in drawing order: areas under points, large under small. */
    function fixDrawOrder() {
      drawOrderDirty = false;
      var order = made.slice();
      var size = function (k) {
        return (boxN[k] - boxS[k]) * (boxE[k] - boxW[k]);
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

    /* The events of the loaded slices `want` in the window and the sources chosen, counted
     * per category into perCategory; returns those of the layers shown, in date order. */
    function inWindow(want, perCategory) {
      var from = state.from;
      var to = state.to;
      var catOn = controls.catOn;
      var listed = [];
      want.forEach(function (k) {
        if (sliceState[k] !== 2) return;
        var last = sliceFirst[k] + S.files[k][3];
        for (var i = sliceFirst[k]; i < last; i++) {
          if (ev.s[i] <= to && ev.e[i] >= from && controls.sourcesOk(ev.sk[i])) {
            perCategory[ev.c[i]] += 1;
            if (catOn[ev.c[i]]) listed.push(i);
          }
        }
      });
      return byDate(listed, ev.r);
    }

    /* Show the shapes of `drawn` and hide those of the last window that are not in it;
     * returns whether any changed. */
    function showShapes(drawn) {
      var changed = false;
      var keep = new Uint8Array(site.n);
      var k;
      for (k = 0; k < drawn.length; k++) keep[drawn[k]] = 1;
      for (k = 0; k < drawnNow.length; k++) {
        var i = drawnNow[k];
        if (!keep[i] && shown[i]) {
          I.setHidden(layers[i], true);
          shown[i] = 0;
          changed = true;
        }
      }
      for (k = 0; k < drawn.length; k++) {
        var j = drawn[k];
        if (!shown[j]) {
          I.setHidden(layerOf(j), false);
          shown[j] = 1;
          changed = true;
        }
      }
      drawnNow = drawn;
      return changed;
    }

    /* How the last window was drawn: "shapes" (every event), "view" (the events in view),
     * "cells" (counts of the loaded events per cell), "slices" (counts from the index). */
    var mode = "shapes";
    var fitting = false;

    /* want: the slices the window needs; tooMany: too many to load (counts per cell). */
    function apply(want, tooMany) {
      var from = state.from;
      var to = state.to;
      var perCategory = data.cats.map(function () {
        return 0;
      });
      var listed = tooMany ? [] : inWindow(want, perCategory);
      if (controls.refitWanted) {
        controls.refitWanted = false;
        fitting = true; /* this apply draws for the new view: no second one on its moveend */
        controls.fitTo(listed, boxes);
        fitting = false;
      }
      /* before the list changes: the base map's labels read the layout, which is then clean */
      nameEvents(listed);
      /* Draw every event of the window, else those in view, else counts per cell. */
      var drawn = listed;
      mode = tooMany ? "slices" : "shapes";
      if (!tooMany && listed.length > S.draw) {
        var b = map.getBounds().pad(0.1);
        var south = b.getSouth();
        var west = b.getWest();
        var north = b.getNorth();
        var east = b.getEast();
        drawn = listed.filter(function (k) {
          return boxS[k] <= north && boxN[k] >= south && boxW[k] <= east && boxE[k] >= west;
        });
        mode = drawn.length <= S.draw ? "view" : "cells";
        if (mode === "cells") drawn = [];
      }
      var changed = showShapes(drawn);
      var counted = drawCells(mode === "cells" ? listed : null, tooMany ? want : null);
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
      if (controls.timeline) {
        var t = timelineDays();
        controls.timeline.draw(t[0], from, to, t[1]);
      }
      if (controls.showPlaces()) changed = true;
      listedNow = listed;
      showList(listed);
      if (drawOrderDirty) fixDrawOrder();
      if (changed || drawOrderDirty) I.repaint(renderer);
      var dates = range ? ", " + C.isoFromDay(from) + " to " + C.isoFromDay(to) : "";
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
      controls.syncDates();
      controls.writeHash();
      document.documentElement.setAttribute(
        "data-window",
        C.isoFromDay(from) + "/" + C.isoFromDay(to) + (tooMany ? "/cells" : "")
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
      C.announceApplied();
    }
    var ready = false;
    var pendingSelect = null;

    /* The base map names the places of the events listed (those the list shows). */
    function nameEvents(listed) {
      var first = listed.length > S.list ? listed.slice(0, S.list) : listed;
      if (namedNow && sameList(first, namedNow)) return;
      namedNow = first;
      C.nameEventPlaces(options.base, site, first);
    }

    /* ---- places mentioned (aggregated: one dot per place) */
    controls.buildPlaces(I.shapeLayer, I.setHidden);
    for (var j = 0; j < controls.placeLayers.length && !renderer; j++) {
      renderer = I.rendererOf(controls.placeLayers[j]);
    }

    function applyHash(initial) {
      var asked = controls.readHash(initial, S.first || range);
      pendingSelect = asked.eventId;
      if (asked.view) {
        map.setView(asked.view.centre, asked.view.zoom, { animate: false });
      } else if (pendingSelect === null) {
        controls.refitWanted = true;
        if (initial && data.bounds) {
          map.fitBounds(data.bounds, { maxZoom: 6, padding: [20, 20], animate: false });
        }
      }
      if (asked.placeId !== null && asked.placeId in site.placeById) {
        controls.selectPlace(site.placeById[asked.placeId]);
      }
      ensureThenApply();
    }

    /* ---- choosing an event */
    function select(i) {
      I.selectEvent(controls, i, layers[i] && layers[i]._map && shown[i] ? layers[i] : null, null);
    }

    I.keepPopupsInMap(map);
    /* Too many events to draw them all: what is drawn depends on the view. */
    map.on("moveend", function () {
      if (mode !== "shapes" && !fitting) controls.schedule();
    });
    controls.listen(function (e) {
      if (e.type === "overlayadd") drawOrderDirty = true;
    }, applyHash);

    window.GeoNewsMap.view = controls.viewApi({
      sliced: true,
      drawnEventIds: function () {
        var out = [];
        for (var i = 0; i < site.n; i++) {
          if (layers[i] && layers[i]._map && shown[i]) out.push(ev.id[i]);
        }
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
      /* How long the last windows took: loading their slices, then applying them (ms). */
      timings: function () {
        return timingLog.splice(0);
      },
      /* "shapes", "view" (the events in view), "cells" or "slices" (counts per cell). */
      drawMode: function () {
        return mode;
      },
      cellCount: function () {
        return cells.getLayers().length;
      }
    });
    applyHash(true);
  }

  /* A slice's data comes as JSON text (see layers/site.py): V8 loads a string and
   * JSON.parse far faster than the same object literal. Text that is not JSON: the slice
   * failed to load. */
  G.slice = function (number, text) {
    var part = null;
    try {
      part = typeof text === "string" ? JSON.parse(text) : text;
    } catch (e) {
      part = null;
    }
    sliceFiles.receive(number, part);
    if (part === null) delete sliceFiles.arrived[number];
  };
  G.startSliced = startSliced;
})();
