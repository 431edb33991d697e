/* GeoLabels: place names (oceans, seas, countries, cities) over the offline base map, chosen
 * by zoom so that they never overlap, with no network. Load Leaflet and labels.js
 * (window.GEO_LABELS) first. GeoBasemap adds this layer with itself; on its own:
 *
 *   var labels = GeoLabels.layer().addTo(map);
 *   labels.setEvents([{name: "El Fasher", lat: 13.63, lon: 25.35}]);  // always named first
 *   labels.shown();   // [{name, kind}] of the names in view, for tests and scripts
 *
 * Names are DOM text (so screen magnifiers, find-in-page and tests read them) in a pane
 * above the overlays that takes no pointer events; they use the page's font (the font of
 * <body>) with a halo (labels.css). Placement follows layers/labels.py: in order (events,
 * then the data's order of importance), each name whose min zoom is reached goes at the
 * anchor of its area in view nearest the centre (the area's label point if it is in view),
 * centred for areas and beside a dot for places, if its box is inside the view and clear of
 * every name placed before it and of the map's controls. Part of geo-news-map (layers/labels.py documents the data). */
(function () {
  "use strict";

  /* size (px), weight, italic, capitals, letter spacing (px) */
  var STYLES = {
    event: [13, 700, false, false, 0],
    ocean: [13, 400, true, true, 2],
    country: [12, 600, false, true, 1],
    sea: [12, 400, true, false, 0.5],
    capital: [12, 600, false, false, 0],
    city: [12, 400, false, false, 0]
  };
  var POINT_KINDS = { event: true, capital: true, city: true };
  var PADDING = 3;
  var DOT = 3;
  var EVENT_DOT = 9; /* the site draws events as dots of radius 7 with a white rim */
  var LINE = 1.2;
  var PANE_Z_INDEX = "450"; /* above the overlays (400), below markers (600) and popups */

  var decoded = null;

  function labelsData() {
    if (decoded) return decoded;
    var data = window.GEO_LABELS;
    if (!data || !data.labels) throw new Error("GeoLabels: load labels.js before labels-layer.js");
    decoded = data.labels.map(function (row) {
      return { kind: data.kinds[row[0]] || "city", name: row[1], z: row[2], a: row[3] };
    });
    return decoded;
  }

  /* lon, lat -> [x, y] in zoom-0 pixels (Web Mercator written out: going through L.latLng
   * for thousands of names on every move costs more than placing them). */
  function projector(crs) {
    if (crs !== L.CRS.EPSG3857) {
      return function (lon, lat) {
        var p = crs.latLngToPoint(L.latLng(lat, lon), 0);
        return [p.x, p.y];
      };
    }
    var maxLat = L.Projection.SphericalMercator.MAX_LATITUDE;
    var size = crs.scale(0);
    return function (lon, lat) {
      var phi = (Math.max(Math.min(lat, maxLat), -maxLat) * Math.PI) / 180;
      var y = Math.log(Math.tan(Math.PI / 4 + phi / 2));
      return [size * (0.5 + lon / 360), size * (0.5 - y / (2 * Math.PI))];
    };
  }

  /* A name's anchors in zoom-0 pixels, worked out once per map projection. */
  function projected(label, crs, project) {
    if (label.crs !== crs) {
      var xy = new Float64Array(label.a.length);
      for (var k = 0; k < label.a.length; k += 2) {
        var p = project(label.a[k], label.a[k + 1]);
        xy[k] = p[0];
        xy[k + 1] = p[1];
      }
      label.xy = xy;
      label.crs = crs;
    }
    return label.xy;
  }

  function overlaps(b, boxes) {
    for (var i = 0; i < boxes.length; i++) {
      var o = boxes[i];
      if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) return true;
    }
    return false;
  }

  /* [align, text box, whole box (with the dot)] candidates for a name of size w x h at x, y */
  function candidates(kind, x, y, w, h) {
    if (!POINT_KINDS[kind]) {
      var c = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
      return [["centre", c, c]];
    }
    var dot = kind === "event" ? EVENT_DOT : DOT;
    var gap = dot + 2;
    var right = [x + gap, y - h / 2, x + gap + w, y + h / 2];
    var left = [x - gap - w, y - h / 2, x - gap, y + h / 2];
    var above = [x - w / 2, y - gap - h, x + w / 2, y - gap];
    var below = [x - w / 2, y + gap, x + w / 2, y + gap + h];
    return [
      ["right", right, [x - dot, right[1], right[2], right[3]]],
      ["left", left, [left[0], left[1], x + dot, left[3]]],
      ["above", above, [above[0], above[1], above[2], y + dot]],
      ["below", below, [below[0], y - dot, below[2], below[3]]]
    ];
  }

  var LabelLayer = L.Layer.extend({
    options: { pane: "geoLabels" },

    initialize: function (options) {
      L.setOptions(this, options);
      this._events = [];
      this._shown = [];
    },

    onAdd: function (map) {
      if (!map.getPane(this.options.pane)) {
        var pane = map.createPane(this.options.pane);
        pane.style.zIndex = PANE_Z_INDEX;
        pane.style.pointerEvents = "none";
      }
      this._container = L.DomUtil.create("div", "geo-labels", map.getPane(this.options.pane));
      this._container.setAttribute("aria-hidden", "true");
      this._font = window.getComputedStyle(document.body).fontFamily || "sans-serif";
      this._container.style.fontFamily = this._font;
      this._measure = document.createElement("canvas").getContext("2d");
      this._widths = Object.create(null);
      map.on("zoomstart", this._hide, this);
      map.on("moveend zoomend resize viewreset", this._redraw, this);
      this._redraw();
    },

    onRemove: function (map) {
      map.off("zoomstart", this._hide, this);
      map.off("moveend zoomend resize viewreset", this._redraw, this);
      L.DomUtil.remove(this._container);
      this._container = null;
      this._shown = [];
    },

    /* places: [{name, lat, lon}] of the events in view; named before anything else */
    setEvents: function (places) {
      this._events = (places || []).filter(function (p) {
        return p && typeof p.name === "string" && p.name && isFinite(p.lat) && isFinite(p.lon);
      });
      if (this._map) this._redraw();
      return this;
    },

    shown: function () {
      return this._shown.map(function (s) {
        return { name: s.name, kind: s.kind };
      });
    },

    _hide: function () {
      if (this._container) this._container.style.visibility = "hidden";
    },

    _size: function (name, kind) {
      var key = kind + "\u0000" + name;
      var w = this._widths[key];
      var s = STYLES[kind];
      if (w === undefined) {
        this._measure.font = (s[2] ? "italic " : "") + s[1] + " " + s[0] + "px " + this._font;
        var text = s[3] ? name.toUpperCase() : name;
        w = this._widths[key] = this._measure.measureText(text).width + s[4] * text.length;
      }
      return [Math.ceil(w), Math.ceil(s[0] * LINE)];
    },

    _redraw: function () {
      var map = this._map;
      if (!map || !this._container) return;
      var zoom = map.getZoom();
      var size = map.getSize();
      var origin = map.getPixelBounds().min;
      var crs = map.options.crs;
      var world = crs.scale(zoom);
      var scale = world / crs.scale(0);
      var centreX = size.x / 2;
      var centreY = size.y / 2;
      var project = projector(crs);
      var list = this._events
        .map(function (e) {
          return { kind: "event", name: e.name, z: 0, a: [e.lon, e.lat] };
        })
        .concat(labelsData());
      var boxes = this._controlBoxes();
      var seen = Object.create(null);
      var placed = [];
      for (var i = 0; i < list.length; i++) {
        var label = list[i];
        if (label.z > zoom) continue;
        var best = null;
        var bestDistance = Infinity;
        var xy = projected(label, crs, project);
        for (var k = 0; k < xy.length; k += 2) {
          var py = xy[k + 1] * scale - origin.y;
          if (py < 0 || py > size.y) continue;
          var px = xy[k] * scale - origin.x;
          /* Where it is drawn, when that is in view: a view wider than the world shows an
           * event's marker only there, and its name beside it (not on a copy with no
           * marker); else the copy nearest the centre. */
          if (px < 0 || px > size.x) px -= Math.round((px - centreX) / world) * world;
          if (px < 0 || px > size.x) continue;
          if (k === 0) {
            best = [px, py];
            break;
          }
          var d = (px - centreX) * (px - centreX) + (py - centreY) * (py - centreY);
          if (d < bestDistance) {
            best = [px, py];
            bestDistance = d;
          }
        }
        if (!best || seen[label.name.toLowerCase()]) continue;
        var wh = this._size(label.name, label.kind);
        var options = candidates(label.kind, best[0], best[1], wh[0], wh[1]);
        for (var c = 0; c < options.length; c++) {
          var whole = options[c][2];
          if (whole[0] < 0 || whole[1] < 0 || whole[2] > size.x || whole[3] > size.y) continue;
          var padded = [whole[0] - PADDING, whole[1] - PADDING, whole[2] + PADDING, whole[3] + PADDING];
          if (overlaps(padded, boxes)) continue;
          boxes.push(padded);
          seen[label.name.toLowerCase()] = true;
          placed.push({ name: label.name, kind: label.kind, x: best[0], y: best[1], text: options[c][1] });
          break;
        }
      }
      this._draw(placed, map.containerPointToLayerPoint([0, 0]));
      this._shown = placed;
    },

    /* The map's controls (zoom, layers, attribution) as boxes no name may go under. */
    _controlBoxes: function () {
      var container = this._map.getContainer();
      var origin = container.getBoundingClientRect();
      var boxes = [];
      var controls = container.querySelectorAll(".leaflet-control");
      for (var i = 0; i < controls.length; i++) {
        var r = controls[i].getBoundingClientRect();
        if (r.width && r.height) {
          boxes.push([r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top]);
        }
      }
      return boxes;
    },

    _draw: function (placed, offset) {
      var container = this._container;
      var fragment = document.createDocumentFragment();
      placed.forEach(function (s) {
        var text = L.DomUtil.create("span", "geo-label geo-label-" + s.kind);
        text.textContent = s.name;
        L.DomUtil.setPosition(text, L.point(offset.x + s.text[0], offset.y + s.text[1]));
        fragment.appendChild(text);
        if (POINT_KINDS[s.kind] && s.kind !== "event") {
          var dot = L.DomUtil.create("span", "geo-label-dot");
          L.DomUtil.setPosition(dot, L.point(offset.x + s.x - DOT, offset.y + s.y - DOT));
          fragment.appendChild(dot);
        }
      });
      while (container.firstChild) container.removeChild(container.firstChild);
      container.appendChild(fragment);
      container.style.visibility = "";
    }
  });

  window.GeoLabels = {
    styles: STYLES,
    layer: function (options) {
      labelsData();
      return new LabelLayer(options);
    }
  };
})();
