/* GeoBasemap: draws the offline Natural Earth base map (window.GEO_BASEMAP, from basemap.js)
 * on a Leaflet map, on one canvas of its own, with no network. Load Leaflet and basemap.js
 * first.
 *
 *   var base = GeoBasemap.addTo(map, {sea: "#cddfea"});   // an L.Layer
 *   map.attributionControl.addAttribution(GeoBasemap.attribution);
 *
 * GeoBasemap.layer(options) returns the layer without adding it (for a layer control).
 * Options: sea, land, coast, border (CSS colours), worldCopies (default true: also draw the
 * world shifted by +-360 degrees), pane (default "geoBasemap", created below tiles and
 * overlays), padding (fraction of the view drawn beyond each edge, default 0.25), labels
 * (default true: add GeoLabels' place names with the map when labels-layer.js is loaded;
 * layer.setEvents([{name, lat, lon}]) names the events' places first), maxZoom (default 8:
 * the deepest zoom Leaflet allows while this is the base map; 1:50m data has no more detail).
 *
 * Why not L.polygon: Leaflet turns every vertex into an L.LatLng and re-projects all of them
 * on each zoom (about 150 ms for the whole world here). This layer projects the vertices once,
 * at zoom 0, then only scales, culls rings outside the view and skips sub-pixel steps, and it
 * reuses L.Renderer for positioning and the zoom animation.
 * Part of geo-news-map (layers/basemap.py documents it); Natural Earth is public domain. */
(function () {
  "use strict";

  var DEFAULTS = {
    sea: "#cddfea",
    land: "#f3f0e8",
    coast: "#97adbd",
    border: "#b3a796",
    worldCopies: true,
    pane: "geoBasemap",
    padding: 0.25,
    labels: true,
    maxZoom: 8
  };
  var PANE_Z_INDEX = "150"; /* above the map background, below tiles (200) and overlays (400) */
  var LINE_WIDTH = 0.8;

  /* Natural Earth closes polygons along the antimeridian and the south pole: those edges are
   * not coasts. True when the segment a-b runs along one of them. */
  function isSeam(a, b) {
    return (Math.abs(a[0]) >= 180 && a[0] === b[0]) || (a[1] <= -89.99 && b[1] <= -89.99);
  }

  /* lon, lat -> [x, y] in zoom-0 pixels of the map's CRS. Web Mercator (Leaflet's default) is
   * written out: going through L.latLng objects costs more than the drawing. */
  function projector(crs) {
    if (crs === L.CRS.EPSG3857) {
      var maxLat = L.Projection.SphericalMercator.MAX_LATITUDE;
      var size = crs.scale(0);
      return function (lon, lat) {
        var phi = (Math.max(Math.min(lat, maxLat), -maxLat) * Math.PI) / 180;
        var y = Math.log(Math.tan(Math.PI / 4 + phi / 2));
        return [size * (0.5 + lon / 360), size * (0.5 - y / (2 * Math.PI))];
      };
    }
    return function (lon, lat) {
      var p = crs.latLngToPoint(L.latLng(lat, lon), 0);
      return [p.x, p.y];
    };
  }

  /* A line or ring of [lon, lat] -> {xy: zoom-0 pixel coordinates, seams}. */
  function project(toPoint, coords, withSeams) {
    var n = coords.length;
    var xy = new Float64Array(2 * n);
    var seams = withSeams ? new Uint8Array(n) : null;
    for (var i = 0; i < n; i++) {
      var p = toPoint(coords[i][0], coords[i][1]);
      xy[2 * i] = p[0];
      xy[2 * i + 1] = p[1];
      if (withSeams && i > 0 && isSeam(coords[i - 1], coords[i])) seams[i] = 1;
    }
    return { xy: xy, seams: seams };
  }

  function prepare(crs, data) {
    var toPoint = projector(crs);
    var rings = [];
    data.land.features.forEach(function (f) {
      f.geometry.coordinates.forEach(function (polygon) {
        polygon.forEach(function (ring) {
          rings.push(project(toPoint, ring, true));
        });
      });
    });
    var lines = [];
    data.borders.features.forEach(function (f) {
      f.geometry.coordinates.forEach(function (line) {
        lines.push(project(toPoint, line, false));
      });
    });
    var west = crs.latLngToPoint(L.latLng(0, -180), 0);
    var east = crs.latLngToPoint(L.latLng(0, 180), 0);
    return {
      land: toPath(rings, "fill"),
      coast: toPath(rings, "coast"),
      borders: toPath(lines, "line"),
      west: west.x,
      east: east.x
    };
  }

  /* One Path2D, in zoom-0 pixels, of the shapes. mode: "fill" (closed rings), "coast" (rings
   * cut at seams), "line" (open lines). */
  function toPath(shapes, mode) {
    var path = new Path2D();
    for (var s = 0; s < shapes.length; s++) {
      var xy = shapes[s].xy;
      var seams = shapes[s].seams;
      var n = xy.length / 2;
      path.moveTo(xy[0], xy[1]);
      for (var i = 1; i < n; i++) {
        if (mode === "coast" && seams[i]) path.moveTo(xy[2 * i], xy[2 * i + 1]);
        else path.lineTo(xy[2 * i], xy[2 * i + 1]);
      }
      if (mode === "fill") path.closePath();
    }
    return path;
  }

  var BasemapLayer = L.Renderer.extend({
    options: DEFAULTS,

    initialize: function (options) {
      L.Renderer.prototype.initialize.call(this, options);
      this._labels = this.options.labels && window.GeoLabels ? window.GeoLabels.layer() : null;
    },

    /* The places of the events in view ([{name, lat, lon}]): always named, before the rest. */
    setEvents: function (places) {
      if (this._labels) this._labels.setEvents(places);
      return this;
    },

    /* The names in view ([{name, kind}]), or [] without labels. */
    labelsShown: function () {
      return this._labels && this._labels._map ? this._labels.shown() : [];
    },

    /* Leaflet counts maxZoom only for layers that register it, as tile layers do. */
    beforeAdd: function (map) {
      if (L.Renderer.prototype.beforeAdd) L.Renderer.prototype.beforeAdd.call(this, map);
      map._addZoomLimit(this);
    },

    onAdd: function (map) {
      if (!map.getPane(this.options.pane)) {
        var pane = map.createPane(this.options.pane);
        pane.style.zIndex = PANE_Z_INDEX;
        pane.style.pointerEvents = "none";
      }
      if (!this._shapes || this._crs !== map.options.crs) {
        this._crs = map.options.crs;
        this._shapes = prepare(this._crs, window.GEO_BASEMAP);
      }
      var container = map.getContainer();
      this._previousBackground = container.style.backgroundColor;
      container.style.backgroundColor = this.options.sea;
      L.Renderer.prototype.onAdd.call(this, map);
      if (this._labels) map.addLayer(this._labels);
    },

    onRemove: function (map) {
      if (this._labels) map.removeLayer(this._labels);
      map._removeZoomLimit(this);
      L.Renderer.prototype.onRemove.call(this, map);
      map.getContainer().style.backgroundColor = this._previousBackground || "";
    },

    _initContainer: function () {
      this._container = L.DomUtil.create("canvas", "geo-basemap");
      this._container.setAttribute("aria-hidden", "true");
      this._ctx = this._container.getContext("2d");
    },

    _destroyContainer: function () {
      L.DomUtil.remove(this._container);
      delete this._ctx;
      delete this._container;
    },

    _updatePaths: function () {},

    _update: function () {
      if (this._map._animatingZoom && this._bounds) return;
      L.Renderer.prototype._update.call(this);
      var b = this._bounds;
      var size = b.getSize();
      var ratio = window.devicePixelRatio || 1;
      var canvas = this._container;
      L.DomUtil.setPosition(canvas, b.min);
      canvas.width = Math.round(ratio * size.x);
      canvas.height = Math.round(ratio * size.y);
      canvas.style.width = size.x + "px";
      canvas.style.height = size.y + "px";
      this._draw(size, ratio);
      this.fire("update");
    },

    _draw: function (size, ratio) {
      var map = this._map;
      var ctx = this._ctx;
      var o = this.options;
      var shapes = this._shapes;
      var scale = this._crs.scale(map.getZoom()) / this._crs.scale(0);
      var origin = map.getPixelOrigin();
      var min = this._bounds.min;
      var shifts = o.worldCopies ? [-1, 0, 1] : [0];
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, this._container.width, this._container.height);
      ctx.lineJoin = "round";
      ctx.lineCap = "round";
      ctx.lineWidth = LINE_WIDTH / scale;
      for (var k = 0; k < shifts.length; k++) {
        var dx = shifts[k] * (shapes.east - shapes.west) * scale - origin.x - min.x;
        if (dx + shapes.east * scale < 0 || dx + shapes.west * scale > size.x) continue;
        /* the paths are in zoom-0 pixels: scale them, then move them into this canvas */
        ctx.setTransform(ratio * scale, 0, 0, ratio * scale, ratio * dx, ratio * (-origin.y - min.y));
        ctx.fillStyle = o.land;
        ctx.fill(shapes.land, "evenodd");
        ctx.strokeStyle = o.coast;
        ctx.stroke(shapes.coast);
        ctx.strokeStyle = o.border;
        ctx.stroke(shapes.borders);
      }
    }
  });

  function layer(options) {
    var data = window.GEO_BASEMAP;
    if (!data || !data.land || !data.borders) {
      throw new Error("GeoBasemap: load basemap.js before basemap-layer.js");
    }
    return new BasemapLayer(options);
  }

  window.GeoBasemap = {
    attribution: "Made with Natural Earth",
    defaults: DEFAULTS,
    layer: layer,
    addTo: function (map, options) {
      return layer(options).addTo(map);
    }
  };
})();
