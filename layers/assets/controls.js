/* geo-news-map: what the main page of every site shares (part of geo-news-map, see
 * docs/site.md): small DOM and text helpers, and the page's controls, used by site.js (a
 * site with every event in the page) and by bigmap.js (a big site, events in slices).
 *
 * The controls are the date inputs, sliders and timeline, the sources filter, the legend's
 * counts, the hash (the filter state lives in the URL), the "Embed this view" panel, and
 * the map's popup and layer events. A page makes one GeoControls.Controls with its folium
 * objects, its Site (site.js) and a function `run` that applies the state; the controls
 * change `state` and ask for `run` on the next frame. Every string from the data reaches
 * the page through textContent or setAttribute, never as HTML.
 *
 * Loaded before site.js; no build step, a plain script (the pages' CSP allows only the
 * site's own files). */
(function () {
  "use strict";

  var DAY_MS = 864e5;

  /* ------------------------------------------------------------------ small helpers */

  function isoFromDay(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  function dayFromIso(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!m) return null;
    var t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    var d = new Date(t);
    if (isNaN(t) || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return null;
    return Math.round(t / DAY_MS);
  }

  /* el("a", {href: ..., text: ...}, [children]): builds DOM without ever parsing HTML. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) return;
        if (key === "text") node.textContent = String(value);
        else if (key === "class") node.className = value;
        else node.setAttribute(key, value === true ? "" : String(value));
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* The embed snippet with {src} and {title} filled in, in one pass, by a function: a
   * replacement string would expand "$`", "$&" and "$'" in a title (from a places file or
   * an online geocoder) into parts of the snippet, and could drop its sandbox. */
  function fillSnippet(template, values) {
    return template.replace(/\{(src|title)\}/g, function (_, key) {
      return values[key];
    });
  }

  /* Copy a textarea's text; where the clipboard is refused the text stays selected. */
  function copyFrom(area, button) {
    area.focus();
    area.select();
    var done = function () {
      button.textContent = "Copied";
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(done, function () {});
    } else {
      try {
        if (document.execCommand("copy")) done();
      } catch (e) {
        /* the text stays selected for the reader to copy */
      }
    }
  }

  function parseHash(hash) {
    var out = Object.create(null);
    hash
      .replace(/^#/, "")
      .split("&")
      .forEach(function (part) {
        var at = part.indexOf("=");
        if (at > 0) out[part.slice(0, at)] = part.slice(at + 1);
      });
    return out;
  }

  function decodeOne(raw) {
    try {
      return decodeURIComponent(raw);
    } catch (e) {
      return raw;
    }
  }

  function decodeList(raw) {
    if (raw === "") return [];
    return raw.split(",").map(decodeOne);
  }

  /* "zoom/lat/lon" from the hash, or null when it is not one. */
  function parseView(text) {
    var m = /^(\d{1,2})\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/.exec(text || "");
    if (!m) return null;
    var zoom = +m[1];
    var lat = +m[2];
    var lng = +m[3];
    if (lat < -90 || lat > 90 || lng < -360 || lng > 360 || zoom > 20) return null;
    return { zoom: zoom, centre: [lat, lng] };
  }

  function centreOf(geom) {
    if (geom.t === "pt") return L.latLng(geom.c[0], geom.c[1]);
    var b = geom.b;
    return L.latLng((b[0][0] + b[1][0]) / 2, (b[0][1] + b[1][1]) / 2);
  }

  /* The base map names the places of the events `indices` (see basemap/labels-layer.js):
   * points first, then areas from the smallest, so a town is named before an ocean. */
  function nameEventPlaces(base, site, indices) {
    if (!base || !base.setEvents) return;
    var places = [];
    indices.forEach(function (i) {
      if (!site.ev.p[i]) return;
      var geom = site.data.geoms[site.ev.g[i]];
      var c = centreOf(geom);
      var b = geom.b;
      var size = b ? Math.max(b[1][0] - b[0][0], b[1][1] - b[0][1]) : 0;
      places.push({ name: site.ev.p[i], lat: c.lat, lon: c.lng, size: size });
    });
    places.sort(function (a, b) {
      return a.size - b.size;
    });
    base.setEvents(places);
  }

  /* Tell scripts (tests, benchmarks) that the filter has been applied to the map and list. */
  function announceApplied() {
    var event;
    try {
      event = new CustomEvent("geonewsmap:applied");
    } catch (e) {
      return;
    }
    window.dispatchEvent(event);
  }

  /* Data files a <script> element loads (fetch does not work from file://), each one call
   * back into the page with its number and its data (slices/<n>.js, details/<n>.js).
   * load(url, n, callback) calls back with file n's data once it has arrived, or with null
   * when it cannot be loaded (a later load tries again). */
  function ScriptFiles() {
    this.arrived = Object.create(null);
    this.waiting = Object.create(null);
  }

  ScriptFiles.prototype.receive = function (number, data) {
    this.arrived[number] = data;
    var callbacks = this.waiting[number] || [];
    delete this.waiting[number];
    callbacks.forEach(function (callback) {
      callback(data);
    });
  };

  ScriptFiles.prototype.load = function (url, number, callback) {
    if (number in this.arrived) {
      callback(this.arrived[number]);
      return;
    }
    var first = !(number in this.waiting);
    (this.waiting[number] = this.waiting[number] || []).push(callback);
    if (!first) return;
    var self = this;
    var script = document.createElement("script");
    script.src = url;
    script.onerror = function () {
      self.receive(number, null);
      delete self.arrived[number];
    };
    document.head.appendChild(script);
  };

  /* ------------------------------------------------------------------ the controls */

  /* The sliders' scale: a step per day of range ([first, last]), or, when a few events lie
   * far from the rest (span: the page data's `span`), a step per day of span.days with one
   * step before it for the first day and one after it for the last, as the timeline's bars.
   * Returns {size: the last step, day(step), value(day)}. */
  function sliderScale(range, span) {
    var a = span ? Math.max(span.days[0], range[0]) : range[0];
    var b = span ? Math.min(span.days[1], range[1]) : range[1];
    var lead = a > range[0] ? 1 : 0;
    var tail = b < range[1] ? 1 : 0;
    var size = b - a + lead + tail;
    return {
      size: size,
      day: function (step) {
        if (lead && step === 0) return range[0];
        if (tail && step === size) return range[1];
        return a + step - lead;
      },
      value: function (day) {
        if (day < a) return 0;
        if (day > b) return size;
        return day - a + lead;
      }
    };
  }

  /* options: what folium hands the page ({map, groups, places, base}); site: the page's Site;
   * run(): applies `state` to the map and the list (called on the next frame). */
  function Controls(options, site, run) {
    var range = site.data.range;
    this.map = options.map;
    this.groups = options.groups;
    this.placesGroup = options.places;
    this.base = options.base;
    this.site = site;
    this.data = site.data;
    this.range = range;
    this.run = run;
    this.state = {
      from: range ? range[0] : 0,
      to: range ? range[1] : 0,
      sources: null /* null: all; else an object {sourceIndex: true} */,
      view: null /* "zoom/lat/lon" from the hash, kept until a filter re-fits the map */,
      event: null,
      place: null
    };
    this.catOn = [];
    this.readLayers();
    /* set when a filter the reader changed should fit the map to the result */
    this.refitWanted = false;
    this.countText = document.getElementById("event-count");
    this.list = document.getElementById("event-list");
    this.sourceBoxes = [];
    this.timeline = null;
    this.lastFilter = "";
    this.pending = false;
    var map = this.map;
    this.data.credits.forEach(function (c) {
      map.attributionControl.addAttribution(escapeHtml(c));
    });
  }

  Controls.prototype.readLayers = function () {
    var map = this.map;
    this.catOn = this.groups.map(function (g) {
      return map.hasLayer(g);
    });
  };

  /* A filter the reader changed: apply it on the next frame and fit the map to the result. */
  Controls.prototype.refit = function () {
    this.refitWanted = true;
    this.state.view = null;
    this.schedule();
  };

  Controls.prototype.schedule = function () {
    if (this.pending) return;
    this.pending = true;
    var self = this;
    window.requestAnimationFrame(function () {
      self.pending = false;
      self.run();
    });
  };

  Controls.prototype.setLayerOn = function (group, on) {
    var map = this.map;
    if (on && !map.hasLayer(group)) map.addLayer(group);
    if (!on && map.hasLayer(group)) map.removeLayer(group);
  };

  /* ---- the sources filter: counts[k] events name source k */
  Controls.prototype.buildSources = function (counts) {
    var self = this;
    var names = this.site.sourceNames;
    var boxes = this.sourceBoxes;
    var filter = document.getElementById("source-filter");
    if (names.length <= 1 || !filter) return;
    var order = names.map(function (_, k) {
      return k;
    });
    order.sort(function (a, b) {
      return counts[b] - counts[a] || (names[a] < names[b] ? -1 : 1);
    });
    order.forEach(function (k) {
      var id = "source-" + k;
      var box = el("input", { type: "checkbox", id: id, checked: true });
      boxes[k] = box;
      filter.appendChild(
        el("div", { class: "source-option" }, [
          box,
          el("label", { for: id }, [names[k] + " (" + counts[k] + ")"])
        ])
      );
    });
    filter.addEventListener("change", function () {
      var chosen = {};
      var all = true;
      boxes.forEach(function (box, k) {
        if (box.checked) chosen[k] = true;
        else all = false;
      });
      self.state.sources = all ? null : chosen;
      self.refit();
    });
    document.getElementById("sources-all").addEventListener("click", function () {
      self.setSources(null);
      self.refit();
    });
    document.getElementById("sources-none").addEventListener("click", function () {
      self.setSources({});
      self.refit();
    });
    document.getElementById("sources-panel").hidden = false;
  };

  Controls.prototype.setSources = function (chosen) {
    this.state.sources = chosen;
    this.sourceBoxes.forEach(function (box, k) {
      box.checked = chosen === null || !!chosen[k];
    });
  };

  /* Whether an event naming the sources `keys` passes the sources filter. */
  Controls.prototype.sourcesOk = function (keys) {
    var chosen = this.state.sources;
    if (chosen === null) return true;
    for (var k = 0; k < keys.length; k++) if (chosen[keys[k]]) return true;
    return false;
  };

  /* ---- the date inputs, sliders, reset button and timeline */
  Controls.prototype.buildDates = function () {
    var self = this;
    var state = this.state;
    var range = this.range;
    var fromInput = document.getElementById("date-from");
    var toInput = document.getElementById("date-to");
    var fromRange = document.getElementById("range-from");
    var toRange = document.getElementById("range-to");
    var reset = document.getElementById("date-reset");
    this.dateInputs = [fromInput, toInput, fromRange, toRange];
    if (!range) {
      [fromInput, toInput, fromRange, toRange, reset].forEach(function (c) {
        c.disabled = true;
      });
      return;
    }
    var slider = sliderScale(range, this.data.span);
    this.slider = slider;
    fromRange.max = toRange.max = String(slider.size);
    fromRange.addEventListener("input", function () {
      state.from = slider.day(+fromRange.value);
      if (state.from > state.to) state.to = state.from;
      self.refit();
    });
    toRange.addEventListener("input", function () {
      state.to = slider.day(+toRange.value);
      if (state.to < state.from) state.from = state.to;
      self.refit();
    });
    var onDate = function (input, which) {
      return function () {
        var day = dayFromIso(input.value);
        if (day === null) return;
        state[which] = day;
        if (state.from > state.to) {
          if (which === "from") state.to = day;
          else state.from = day;
        }
        self.refit();
      };
    };
    fromInput.addEventListener("change", onDate(fromInput, "from"));
    toInput.addEventListener("change", onDate(toInput, "to"));
    reset.addEventListener("click", function () {
      state.from = range[0];
      state.to = range[1];
      self.refit();
    });
    /* the timeline: events per day, week or month; dragging across it sets the window */
    var chart = document.getElementById("timeline-chart");
    if (chart && window.GeoTimeline) {
      this.timeline = window.GeoTimeline.create(
        chart,
        range[0],
        range[1],
        function (from, to) {
          state.from = from;
          state.to = to;
          self.refit();
        },
        self.data.span
      );
    }
  };

  /* Show the state's window in the date inputs and sliders. */
  Controls.prototype.syncDates = function () {
    if (!this.range) return;
    var slider = this.slider;
    var clamp = function (day) {
      return String(slider.value(day));
    };
    var from = isoFromDay(this.state.from);
    var to = isoFromDay(this.state.to);
    var inputs = this.dateInputs;
    inputs[0].value = from;
    inputs[1].value = to;
    inputs[2].value = clamp(this.state.from);
    inputs[3].value = clamp(this.state.to);
    inputs[2].setAttribute("aria-valuetext", from);
    inputs[3].setAttribute("aria-valuetext", to);
  };

  /* The legend's count element of each category (by index), undefined where there is none. */
  Controls.prototype.legendCounts = function () {
    var out = [];
    var items = document.querySelectorAll(".legend-categories li[data-category]");
    this.data.cats.forEach(function (cat, c) {
      for (var k = 0; k < items.length; k++) {
        if (items[k].getAttribute("data-category") === cat.key) {
          out[c] = items[k].querySelector(".count");
        }
      }
    });
    return out;
  };

  /* ---- the hash, the whole-map embed (embed/index.html, this page with the side panel
   * hidden) and the main page's "Embed this view": the same hash gives the same events */
  Controls.prototype.writeHash = function () {
    var self = this;
    var state = this.state;
    if (!this.range) return;
    var parts = ["from=" + isoFromDay(state.from), "to=" + isoFromDay(state.to)];
    var on = [];
    this.groups.forEach(function (g, c) {
      if (self.catOn[c]) on.push(encodeURIComponent(self.data.cats[c].key));
    });
    parts.push("layers=" + on.join(","));
    if (this.placesGroup && this.map.hasLayer(this.placesGroup)) parts.push("places=1");
    if (state.sources !== null) {
      var names = [];
      Object.keys(state.sources).forEach(function (k) {
        names.push(encodeURIComponent(self.site.sourceNames[+k]));
      });
      names.sort();
      parts.push("sources=" + names.join(","));
    }
    if (state.view !== null) parts.push("view=" + state.view);
    this.lastFilter = parts.join("&");
    if (state.event !== null) parts.push("event=" + encodeURIComponent(state.event));
    else if (state.place !== null) parts.push("place=" + encodeURIComponent(state.place));
    if (this.embedded) {
      var full = "../index.html#" + this.lastFilter;
      document.querySelectorAll("a.full-map").forEach(function (a) {
        a.setAttribute("href", full);
      });
      var copy = document.getElementById("embed-count");
      if (copy) copy.textContent = this.countText.textContent;
    } else if (this.embedPanel && !this.embedPanel.hidden) {
      this.fillEmbedCode();
    }
    var text = "#" + parts.join("&");
    if (text !== window.location.hash) {
      try {
        window.history.replaceState(null, "", text);
      } catch (e) {
        /* some file:// setups refuse; the state still works, it just is not in the URL */
      }
    }
  };

  /* The part of the hash an embed of this view needs: the window, the layers, the sources,
   * and where the map is framed. */
  Controls.prototype.embedHash = function () {
    var c = this.map.getCenter();
    var view = this.map.getZoom() + "/" + c.lat.toFixed(4) + "/" + c.lng.toFixed(4);
    return this.lastFilter.replace(/(^|&)view=[^&]*/, "") + "&view=" + view;
  };

  Controls.prototype.fillEmbedCode = function () {
    var hash = this.embedHash();
    var src = new URL("embed/index.html", window.location.href).href + "#" + hash;
    this.embedCode.value = fillSnippet(this.data.snippet, {
      src: escapeHtml(src),
      title: escapeHtml("Map: " + this.data.title)
    });
    document.getElementById("embed-view-open").setAttribute("href", "embed/index.html#" + hash);
  };

  Controls.prototype.buildEmbed = function () {
    var self = this;
    var map = this.map;
    var button = document.getElementById("embed-view");
    var panel = document.getElementById("embed-view-panel");
    var code = document.getElementById("embed-view-code");
    this.embedded = document.body.classList.contains("site-embed-all");
    if (button && panel && code) {
      this.embedPanel = panel;
      this.embedCode = code;
      button.addEventListener("click", function () {
        var open = panel.hidden;
        if (open) self.fillEmbedCode();
        panel.hidden = !open;
        button.setAttribute("aria-expanded", open ? "true" : "false");
      });
      var copyButton = document.getElementById("embed-view-copy");
      copyButton.addEventListener("click", function () {
        copyFrom(code, copyButton);
      });
      map.on("moveend", function () {
        if (!panel.hidden) self.fillEmbedCode();
      });
    }
    if (this.embedded) {
      var fallback = document.querySelector(".embed-fallback");
      if (fallback) fallback.parentNode.removeChild(fallback);
      /* In a page that embeds the map, the wheel scrolls the page until the map is used. */
      map.scrollWheelZoom.disable();
      map.on("click focus", function () {
        map.scrollWheelZoom.enable();
      });
    }
  };

  /* Read the hash into the state: the window (`first` when the hash names neither end),
   * the layers, the places layer and the sources. Returns what else it asks for:
   * {view: {zoom, centre} or null, eventId, placeId} (ids null when not asked). */
  Controls.prototype.readHash = function (initial, first) {
    var self = this;
    var state = this.state;
    var range = this.range;
    var h = parseHash(window.location.hash);
    if (range) {
      var from = "from" in h ? dayFromIso(h.from) : null;
      var to = "to" in h ? dayFromIso(h.to) : null;
      first = first || range;
      state.from = from === null ? (to === null ? first[0] : range[0]) : from;
      state.to = to === null ? (from === null ? first[1] : range[1]) : to;
      if (state.from > state.to) {
        var swap = state.from;
        state.from = state.to;
        state.to = swap;
      }
    }
    if ("layers" in h) {
      var wanted = decodeList(h.layers);
      this.groups.forEach(function (g, c) {
        self.setLayerOn(g, wanted.indexOf(self.data.cats[c].key) >= 0);
      });
    } else if (!initial) {
      this.groups.forEach(function (g) {
        self.setLayerOn(g, true);
      });
    }
    /* the places layer is off unless the hash asks for it (places=1) */
    if (this.placesGroup) this.setLayerOn(this.placesGroup, h.places === "1");
    this.readLayers();
    if ("sources" in h && this.sourceBoxes.length) {
      var chosen = {};
      decodeList(h.sources).forEach(function (name) {
        var k = self.site.sourceNames.indexOf(name);
        if (k >= 0) chosen[k] = true;
      });
      this.setSources(chosen);
    } else {
      this.setSources(null);
    }
    var view = parseView(h.view);
    state.event = null;
    state.place = null;
    state.view = view ? h.view : null;
    return {
      view: view,
      eventId: "event" in h ? decodeOne(h.event) : null,
      placeId: "place" in h ? decodeOne(h.place) : null
    };
  };

  /* ---- framing */
  Controls.prototype.zoomTo = function (geom) {
    var map = this.map;
    if (geom.t === "pt") {
      map.setView(geom.c, Math.max(map.getZoom(), 6), { animate: false });
    } else {
      map.fitBounds(geom.b, { maxZoom: 7, padding: [30, 30], animate: false });
    }
  };

  /* Fit the map to the events `indices`; none: leave it. A map already framed so is left
   * alone (no redraw of every shape). `boxes`, when given, holds each event's bounds as
   * arrays {s, w, n, e} (else they are read from its geometry). */
  Controls.prototype.fitTo = function (indices, boxes) {
    var map = this.map;
    var ev = this.site.ev;
    var geoms = this.data.geoms;
    var south = Infinity;
    var west = Infinity;
    var north = -Infinity;
    var east = -Infinity;
    for (var k = 0; k < indices.length; k++) {
      var i = indices[k];
      if (boxes) {
        south = Math.min(south, boxes.s[i]);
        west = Math.min(west, boxes.w[i]);
        north = Math.max(north, boxes.n[i]);
        east = Math.max(east, boxes.e[i]);
        continue;
      }
      var geom = geoms[ev.g[i]];
      var b = geom.t === "pt" ? [geom.c, geom.c] : geom.b;
      south = Math.min(south, b[0][0]);
      west = Math.min(west, b[0][1]);
      north = Math.max(north, b[1][0]);
      east = Math.max(east, b[1][1]);
    }
    if (south === Infinity) return false;
    var bounds = L.latLngBounds([south, west], [north, east]);
    var fit = { maxZoom: 6, padding: [24, 24], animate: false };
    var target = map._getBoundsCenterZoom ? map._getBoundsCenterZoom(bounds, fit) : null;
    if (
      target &&
      target.zoom === map.getZoom() &&
      map.latLngToContainerPoint(target.center).distanceTo(map.getSize().divideBy(2)) < 1
    ) {
      return true;
    }
    map.fitBounds(bounds, fit);
    return true;
  };

  /* ---- places mentioned: one shape each, on the map hidden; the window shows some */
  Controls.prototype.buildPlaces = function (shapeLayer, setHidden) {
    var site = this.site;
    var pl = this.data.pl;
    var np = pl.id.length;
    this.placeLayers = new Array(np);
    this.placeShown = new Uint8Array(np);
    for (var j = 0; j < np; j++) {
      var layer = shapeLayer(this.data.geoms[pl.g[j]], site.placeStyle(pl.g[j]));
      layer._geoPlace = j;
      layer.bindPopup(site.placePopup.bind(site, j), { maxWidth: 340 });
      setHidden(layer, true);
      if (this.placesGroup) this.placesGroup.addLayer(layer);
      this.placeLayers[j] = layer;
    }
    this.setHidden = setHidden;
  };

  /* Show the places mentioned in the window (a mention without a date: always); returns
   * whether any changed. */
  Controls.prototype.showPlaces = function () {
    var pl = this.data.pl;
    var state = this.state;
    var changed = false;
    for (var j = 0; j < this.placeLayers.length; j++) {
      var spans = pl.w[j];
      var want = spans === null;
      for (var k = 0; !want && k < spans.length; k++) {
        want = spans[k][0] <= state.to && spans[k][1] >= state.from;
      }
      if (want !== (this.placeShown[j] === 1)) {
        this.setHidden(this.placeLayers[j], !want);
        this.placeShown[j] = want ? 1 : 0;
        changed = true;
      }
    }
    return changed;
  };

  Controls.prototype.drawnPlaceIds = function () {
    var out = [];
    for (var j = 0; j < this.placeLayers.length; j++) {
      if (this.placeLayers[j]._map && this.placeShown[j]) out.push(this.data.pl.id[j]);
    }
    return out;
  };

  Controls.prototype.selectPlace = function (j) {
    var pl = this.data.pl;
    var geom = this.data.geoms[pl.g[j]];
    if (this.placesGroup) this.setLayerOn(this.placesGroup, true);
    this.zoomTo(geom);
    if (this.placeLayers[j]._map && this.placeShown[j]) {
      this.placeLayers[j].openPopup();
    } else {
      L.popup({ maxWidth: 340 })
        .setLatLng(centreOf(geom))
        .setContent(this.site.placePopup(j))
        .openOn(this.map);
    }
    this.state.place = pl.id[j];
    this.state.event = null;
    this.writeHash();
  };

  /* ---- the map's events: popups name the chosen event or place in the hash; a layer
   * switched on or off re-applies (onLayers(e) first, for the page's own bookkeeping); a
   * hash changed by the reader is read (applyHash(false)). */
  Controls.prototype.listen = function (onLayers, applyHash) {
    var self = this;
    var map = this.map;
    var state = this.state;
    map.on("popupopen", function (e) {
      var source = e.popup._source;
      var i = source && source._geoEvent !== undefined ? source._geoEvent : e.popup._geoEvent;
      if (i !== undefined) {
        state.event = self.site.ev.id[i];
        state.place = null;
      } else if (source && source._geoPlace !== undefined) {
        state.place = self.data.pl.id[source._geoPlace];
        state.event = null;
      }
      self.writeHash();
    });
    map.on("popupclose", function () {
      state.event = null;
      state.place = null;
      self.writeHash();
    });
    map.on("overlayadd overlayremove", function (e) {
      self.readLayers();
      onLayers(e);
      if (e.layer !== self.placesGroup) {
        self.refitWanted = true;
        state.view = null;
      }
      self.schedule();
    });
    window.addEventListener("hashchange", function () {
      if (window.location.hash.indexOf("=") < 0) return; /* an in-page anchor, e.g. the skip link */
      applyHash(false);
    });
  };

  /* What GeoNewsMap.view offers on every main page (tests, scripting from the console),
   * with the page's own entries added. */
  Controls.prototype.viewApi = function (own) {
    var self = this;
    var api = {
      map: this.map,
      drawnPlaceIds: function () {
        return self.drawnPlaceIds();
      },
      baseOnMap: function () {
        return self.map.hasLayer(self.base);
      },
      /* The place names the base map shows now: [{name, kind}]. */
      labels: function () {
        return self.base && self.base.labelsShown ? self.base.labelsShown() : [];
      }
    };
    Object.keys(own).forEach(function (key) {
      api[key] = own[key];
    });
    return api;
  };

  window.GeoControls = {
    Controls: Controls,
    ScriptFiles: ScriptFiles,
    isoFromDay: isoFromDay,
    dayFromIso: dayFromIso,
    el: el,
    escapeHtml: escapeHtml,
    fillSnippet: fillSnippet,
    copyFrom: copyFrom,
    parseHash: parseHash,
    decodeOne: decodeOne,
    decodeList: decodeList,
    parseView: parseView,
    centreOf: centreOf,
    nameEventPlaces: nameEventPlaces,
    announceApplied: announceApplied
  };
})();
