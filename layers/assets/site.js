/* geo-news-map: the site's own script (needs Leaflet; part of geo-news-map, see docs/site.md).
 *
 * Needs controls.js (the helpers and controls it shares with bigmap.js) loaded before it.
 * Folium creates the map, its layer groups and the layer control, then calls
 * GeoNewsMap.start({...}) on the main page or GeoNewsMap.embed({...}) on an embed page. All
 * data comes from the JSON block <script type="application/json" id="site-data">; every
 * string from it reaches the page through textContent or setAttribute, never as HTML, and
 * links are kept only when they are http(s).
 *
 * The date filter shows exactly the events whose [start, end] overlaps [from, to] (whole days,
 * inclusive). The state lives in the URL hash:
 *   #from=YYYY-MM-DD&to=YYYY-MM-DD&layers=a,b&places=1&sources=x,y&event=ID (or place=ID)
 * each value percent-encoded. */
(function () {
  "use strict";

  var C = window.GeoControls;
  var el = C.el;
  var escapeHtml = C.escapeHtml;
  var isoFromDay = C.isoFromDay;
  var dayFromIso = C.dayFromIso;
  var centreOf = C.centreOf;
  var fillSnippet = C.fillSnippet;
  var copyFrom = C.copyFrom;
  var nameEventPlaces = C.nameEventPlaces;
  var announceApplied = C.announceApplied;

  /* ------------------------------------------------------------------ small helpers
   * (the shared ones are in controls.js) */

  function httpUrl(value) {
    if (typeof value !== "string") return null;
    var url;
    try {
      url = new URL(value);
    } catch (e) {
      return null;
    }
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  }

  function readData() {
    var block = document.getElementById("site-data");
    return JSON.parse(block.textContent);
  }

  function pageUrl(root, folder, name, suffix) {
    return root + folder + "/" + encodeURIComponent(name) + suffix;
  }

  /* ------------------------------------------------------------------ the data model */

  /* Detail files (details/<n>.js) call GeoNewsMap.details(n, [...]) when they load. */
  var detailFiles = new C.ScriptFiles();

  function Site(data) {
    this.data = data;
    this.ev = data.ev;
    this.n = data.ev.id.length;
    this.root = data.root || "";
    this.mentionColour = data.mentionColour || "#37474f";
    this.sourceNames = data.sources;
    this.evSources = data.ev.sk;
    this.byId = Object.create(null);
    for (var j = 0; j < this.n; j++) this.byId[this.ev.id[j]] = j;
    this.placeById = Object.create(null);
    for (var p = 0; p < data.pl.id.length; p++) this.placeById[data.pl.id[p]] = p;
  }

  /* Call back with event i's details (see layers/payload.py), now if they are at hand, else
   * once its detail file has loaded; null if it cannot be loaded. */
  Site.prototype.withDetail = function (i, callback) {
    var details = this.data.details;
    if (details.inline) {
      callback(details.inline[i] || null);
      return;
    }
    var at = this.ev.x && this.ev.x.length ? this.ev.x[i] : i; /* a sliced site's position */
    var number = Math.floor(at / details.size);
    var offset = at - number * details.size;
    detailFiles.load(this.root + "details/" + number + ".js", number, function (list) {
      callback(list ? list[offset] || null : null);
    });
  };

  /* Whether event i has an embed page (a big site makes them only for the events asked for). */
  Site.prototype.hasEmbed = function (i) {
    return !this.ev.em || this.ev.em.length === 0 || this.ev.em[i] === 1;
  };

  Site.prototype.file = function (i) {
    return (this.ev.f && this.ev.f[i]) || this.ev.id[i];
  };

  Site.prototype.isArea = function (geomIndex) {
    var t = this.data.geoms[geomIndex].t;
    return t === "pg" || t === "ln";
  };

  Site.prototype.isDerived = function (i) {
    return this.ev.dv[i] === 1;
  };

  Site.prototype.eventStyle = function (i) {
    var colour = this.data.cats[this.ev.c[i]].colour;
    if (!this.isArea(this.ev.g[i])) {
      return { radius: 7, color: "#ffffff", weight: 1.5, fillColor: colour, fillOpacity: 0.9 };
    }
    var style = { color: colour, weight: 2.5, opacity: 0.9, fillColor: colour, fillOpacity: 0.14 };
    if (this.isDerived(i)) {
      style.dashArray = "7 5";
      style.fillOpacity = 0.08;
    }
    return style;
  };

  Site.prototype.placeStyle = function (geomIndex) {
    if (!this.isArea(geomIndex)) {
      return {
        radius: 4,
        color: this.mentionColour,
        weight: 1.5,
        fillColor: "#ffffff",
        fillOpacity: 0.8
      };
    }
    return {
      color: this.mentionColour,
      weight: 1,
      opacity: 0.7,
      dashArray: "2 4",
      fillOpacity: 0.03,
      fillColor: this.mentionColour
    };
  };

  /* Shapes that stay on the map and its canvas but can be hidden: a hidden shape is neither
   * drawn nor clickable. The date filter flips these flags and redraws the canvas once, which
   * is much faster than removing and re-adding thousands of layers. */
  var Hideable = null;

  function hideable(Base) {
    return Base.extend({
      _updatePath: function () {
        if (!this._geoHidden) Base.prototype._updatePath.call(this);
      },
      _containsPoint: function () {
        return !this._geoHidden && Base.prototype._containsPoint.apply(this, arguments);
      }
    });
  }

  function shapeLayer(geom, style) {
    if (Hideable === null) {
      Hideable = {
        circle: hideable(L.CircleMarker),
        line: hideable(L.Polyline),
        polygon: hideable(L.Polygon)
      };
    }
    switch (geom.t) {
      case "pt":
        return new Hideable.circle(geom.c, style);
      case "pts":
        return L.featureGroup(
          geom.c.map(function (c) {
            return new Hideable.circle(c, style);
          })
        );
      case "ln":
        return new Hideable.line(geom.c, style);
      default:
        return geom.o || geom.w ? seamlessArea(geom, style) : new Hideable.polygon(geom.c, style);
    }
  }

  /* An area cut at the antimeridian or running along a pole (geom.o: the lines to stroke
   * instead of its rings): filled without a stroke, outlined by its real edges only. An area
   * round the world (geom.w) is drawn in the copies of the world on either side too, since a
   * window at zoom 1 spans more than 360 degrees. (Framing uses geom.b, never these shapes.) */
  function seamlessArea(geom, style) {
    var fill = geom.o ? L.extend({}, style, { stroke: false }) : style;
    var line = L.extend({}, style, { fill: false });
    var parts = [];
    (geom.w ? [-360, 0, 360] : [0]).forEach(function (dx) {
      parts.push(new Hideable.polygon(shiftedLatLngs(geom.c, dx), fill));
      if (geom.o) parts.push(new Hideable.line(shiftedLatLngs(geom.o, dx), line));
    });
    return L.featureGroup(parts);
  }

  /* Nested [lat, lon] arrays with every longitude moved by dx degrees. */
  function shiftedLatLngs(c, dx) {
    if (!dx) return c;
    if (typeof c[0] === "number") return [c[0], c[1] + dx];
    return c.map(function (x) {
      return shiftedLatLngs(x, dx);
    });
  }

  function setHidden(layer, hidden) {
    if (layer.eachLayer) {
      layer.eachLayer(function (child) {
        child._geoHidden = hidden;
      });
    }
    layer._geoHidden = hidden;
  }

  /* Repaint a canvas renderer completely, now. */
  function repaint(renderer) {
    if (renderer && renderer._map) {
      renderer._redrawBounds = null;
      renderer._redraw();
    }
  }

  function rendererOf(layer) {
    if (layer._renderer) return layer._renderer;
    var found = null;
    if (layer.eachLayer) {
      layer.eachLayer(function (child) {
        found = found || child._renderer || null;
      });
    }
    return found;
  }

  /* ------------------------------------------------------------------ popups */

  /* Popups never outgrow the map: taller content scrolls inside the popup, and the map pans
   * so the whole popup is in view (again when its content grows: details arriving late, the
   * Embed panel opening). Leaflet's own layout and pan, with a height limit from the map. */
  function fitPopup(map, popup) {
    if (!popup || !popup.isOpen() || !popup._contentNode) return;
    var size = map.getSize();
    if (popup._geoWidth === undefined) popup._geoWidth = popup.options.maxWidth;
    popup.options.maxWidth = Math.max(160, Math.min(popup._geoWidth, size.x - 72));
    /* clear of the zoom and layer buttons above and the credits below, which stay on top */
    var top = Math.min(84, size.y / 4);
    var credits = map.attributionControl && map.attributionControl.getContainer();
    var bottom = Math.min((credits ? credits.offsetHeight : 0) + 8, size.y / 5);
    popup.options.autoPanPaddingTopLeft = [12, top];
    popup.options.autoPanPaddingBottomRight = [12, bottom];
    popup.options.maxHeight = Math.max(96, size.y - top - bottom - 44);
    popup._updateLayout();
    popup._updatePosition();
    popup._adjustPan();
  }

  function keepPopupsInMap(map) {
    map.on("popupopen", function (e) {
      fitPopup(map, e.popup);
    });
    /* capture: runs before the button's own handler, so wait for it to change the content */
    map.getContainer().addEventListener(
      "click",
      function (e) {
        var popup = e.target.closest ? e.target.closest(".leaflet-popup") : null;
        if (!popup) return;
        window.setTimeout(function () {
          map.eachLayer(function (layer) {
            if (layer instanceof L.Popup && layer.getElement() === popup) fitPopup(map, layer);
          });
        }, 0);
      },
      true
    );
  }

  /* Event i's popup on its own layer, built when it opens (details arriving late lay it out
   * again). wrap(box, i), when given, adds to it (site.js: the others at the same point). */
  function layerPopup(site, map, layer, i, wrap) {
    return function () {
      var box = site.eventPopup(i, true, function () {
        var popup = layer.getPopup();
        if (popup && popup.isOpen()) {
          popup.update();
          fitPopup(map, popup);
        }
      });
      return wrap ? wrap(box, i) : box;
    };
  }

  /* Choose event i: frame it and open its popup, on `layer` when it is drawn (else null: a
   * popup of its own at the event's centre), and name it in the hash. */
  function selectEvent(controls, i, layer, wrap) {
    var site = controls.site;
    var map = controls.map;
    var geom = site.data.geoms[site.ev.g[i]];
    controls.zoomTo(geom);
    if (layer) {
      layer.openPopup();
    } else {
      var popup = L.popup({ maxWidth: 340, autoPanPadding: [12, 12] }).setLatLng(centreOf(geom));
      var box = site.eventPopup(i, true, function () {
        if (popup.isOpen()) fitPopup(map, popup);
      });
      popup.setContent(wrap ? wrap(box, i) : box);
      popup._geoEvent = i;
      popup.openOn(map);
    }
    controls.state.event = site.ev.id[i];
    controls.state.place = null;
    controls.writeHash();
  }

  Site.prototype.articlePageLink = function (page, label, anchor) {
    if (!page) return null;
    var href = pageUrl(this.root, "articles", page, ".html") + (anchor ? "#" + anchor : "");
    return el("a", { class: "article-page", href: href }, [label]);
  };

  /* source: [outlet, headline, url, published, quote, article page] */
  Site.prototype.sourceItem = function (source) {
    var heading = source[0] || source[1] || "Source";
    var item = el("li", { class: "popup-source" }, [el("strong", { text: heading })]);
    if (source[0] && source[1]) {
      item.appendChild(el("span", { class: "source-title", text: " · " + source[1] }));
    }
    if (source[3]) item.appendChild(el("span", { class: "source-date", text: " · " + source[3] }));
    if (source[4]) item.appendChild(el("q", { class: "source-quote", text: source[4] }));
    var links = el("span", { class: "source-links" });
    var url = httpUrl(source[2]);
    if (url) {
      links.appendChild(
        el("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow" }, [
          "Original article"
        ])
      );
    }
    var page = this.articlePageLink(source[5], "Text with places highlighted");
    if (page) {
      if (links.childNodes.length) links.appendChild(document.createTextNode(" · "));
      links.appendChild(page);
    }
    if (links.childNodes.length) item.appendChild(links);
    return item;
  };

  Site.prototype.embedBlock = function (i) {
    var self = this;
    var file = this.file(i);
    var uid = "embed-code-" + i;
    var button = el("button", { type: "button", class: "embed-button", "aria-expanded": "false" }, [
      "Embed"
    ]);
    var panel = el("div", { class: "embed-panel", hidden: true });
    button.setAttribute("aria-controls", uid + "-panel");
    panel.id = uid + "-panel";
    button.addEventListener("click", function () {
      if (!panel.firstChild) {
        var src = new URL(pageUrl(self.root, "embed", file, ".html"), window.location.href).href;
        var code = fillSnippet(self.data.snippet, {
          src: escapeHtml(src),
          title: escapeHtml("Map: " + self.ev.t[i])
        });
        var area = el("textarea", { id: uid, class: "embed-code", rows: 4, readonly: true });
        area.value = code;
        var copy = el("button", { type: "button", class: "copy-button" }, ["Copy"]);
        copy.addEventListener("click", function () {
          copyFrom(area, copy);
        });
        panel.appendChild(el("label", { for: uid, text: "Code to embed this event in a page" }));
        panel.appendChild(area);
        var links = el("p", { class: "embed-links" }, [
          copy,
          " ",
          el("a", { href: pageUrl(self.root, "embed", file, ".html"), target: "_blank" }, [
            "Open the embed"
          ])
        ]);
        if (self.ev.im && self.ev.im[i]) {
          links.appendChild(document.createTextNode(" · "));
          links.appendChild(
            el("a", { href: pageUrl(self.root, "embed", file, ".png"), download: true }, [
              "Image (PNG)"
            ])
          );
        }
        panel.appendChild(links);
      }
      var open = panel.hidden;
      panel.hidden = !open;
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
    return el("div", { class: "popup-embed" }, [button, panel]);
  };

  /* detail: [place kind, derivation, notes, confidence, sources, fields] */
  Site.prototype.fillDetail = function (box, placeLine, detail) {
    var kind = detail[0];
    if (placeLine && kind && kind !== "other") {
      placeLine.appendChild(document.createTextNode(" (" + kind.replace(/_/g, " ") + ")"));
    }
    if (detail[1]) {
      box.appendChild(
        el("p", { class: "popup-derivation" }, [
          el("strong", { text: "How this area was drawn: " }),
          detail[1]
        ])
      );
    }
    var sources = detail[4];
    if (sources.length) {
      var list = el("ul", { class: "popup-sources" });
      for (var k = 0; k < sources.length; k++) list.appendChild(this.sourceItem(sources[k]));
      box.appendChild(
        el("p", { class: "popup-heading", text: sources.length > 1 ? "Sources" : "Source" })
      );
      box.appendChild(list);
    }
    if (detail[2] && detail[2].length) {
      var notes = el("ul", { class: "popup-notes" });
      detail[2].forEach(function (note) {
        notes.appendChild(el("li", { text: note }));
      });
      box.appendChild(el("p", { class: "popup-heading", text: "Notes" }));
      box.appendChild(notes);
    }
    var fields = detail[5] || [];
    if (fields.length) {
      /* A foreign table's other columns (actors, fatalities…), under their own names. */
      var table = el("dl", { class: "popup-fields" });
      fields.forEach(function (pair) {
        table.appendChild(el("dt", { text: pair[0] }));
        table.appendChild(el("dd", { text: pair[1] }));
      });
      box.appendChild(el("p", { class: "popup-heading", text: "From the table" }));
      box.appendChild(table);
    }
    if (detail[3] < 1) {
      box.appendChild(
        el("p", {
          class: "popup-confidence",
          text: "Confidence: " + Math.round(detail[3] * 100) + "%"
        })
      );
    }
  };

  /* The popup of event i. onLate(): called if the details arrive after the popup was built
   * (the caller updates the popup's layout). */
  Site.prototype.eventPopup = function (i, withEmbed, onLate) {
    var self = this;
    var ev = this.ev;
    var cat = this.data.cats[ev.c[i]];
    var box = el("div", { class: "popup popup-event " + cat.cls, "data-event-id": ev.id[i] });
    box.appendChild(el("h3", { class: "popup-title", text: ev.t[i] }));
    box.appendChild(
      el("p", { class: "popup-meta" }, [
        el("span", { class: "swatch", "aria-hidden": "true" }),
        " ",
        el("span", { class: "popup-category", text: cat.label }),
        " · ",
        el("span", { class: "popup-date", text: ev.l[i] })
      ])
    );
    var placeLine = ev.p[i] ? el("p", { class: "popup-place", text: ev.p[i] }) : null;
    if (placeLine) box.appendChild(placeLine);
    var slot = el("div", { class: "popup-details", "aria-busy": "true" });
    box.appendChild(slot);
    if (withEmbed && this.hasEmbed(i)) box.appendChild(this.embedBlock(i));
    var built = false;
    this.withDetail(i, function (detail) {
      slot.removeAttribute("aria-busy");
      while (slot.firstChild) slot.removeChild(slot.firstChild);
      if (detail) self.fillDetail(slot, placeLine, detail);
      else slot.appendChild(el("p", { class: "hint", text: "The sources could not be loaded." }));
      if (built && onLate) onLate();
    });
    if (slot.hasAttribute("aria-busy")) slot.appendChild(el("p", { class: "hint", text: "Loading the sources…" }));
    built = true;
    return box;
  };

  Site.prototype.placePopup = function (j) {
    var pl = this.data.pl;
    var box = el("div", { class: "popup popup-place-mentions", "data-place-id": pl.id[j] });
    box.appendChild(el("h3", { class: "popup-title", text: pl.n[j] }));
    var kind = pl.k[j] && pl.k[j] !== "other" ? pl.k[j].replace(/_/g, " ") + " · " : "";
    var count = pl.m[j].length + pl.more[j];
    box.appendChild(
      el("p", {
        class: "popup-meta",
        text: kind + "mentioned " + count + (count === 1 ? " time" : " times")
      })
    );
    var list = el("ul", { class: "popup-mentions" });
    var self = this;
    pl.m[j].forEach(function (m) {
      var item = el("li");
      if (m[4]) item.appendChild(el("span", { class: "mention-date", text: m[4] + ": " }));
      item.appendChild(el("q", { text: m[1] }));
      if (m[0] >= 0) {
        var a = self.data.arts[m[0]];
        var link = self.articlePageLink(a[1], a[0], m[5]);
        item.appendChild(
          el("span", { class: "mention-article" }, [" — ", link || a[0]])
        );
      }
      list.appendChild(item);
    });
    box.appendChild(list);
    if (pl.more[j]) box.appendChild(el("p", { class: "hint", text: "and " + pl.more[j] + " more" }));
    return box;
  };

  /* An entry of the list of events: three elements, so thousands of them restyle fast when
   * the filter shows them all; the category colour is the button's left border
   * (categories.css). */
  Site.prototype.listItem = function (i) {
    var ev = this.ev;
    var meta = ev.l[i] + (ev.p[i] ? " · " + ev.p[i] : "");
    var button = el("button", { type: "button", class: "event-button" }, [
      ev.t[i],
      el("span", { class: "event-meta", text: meta })
    ]);
    var item = el("li", { class: "event-item " + this.data.cats[ev.c[i]].cls, "data-event-id": ev.id[i] }, [
      button
    ]);
    item._geoEvent = i;
    return item;
  };

  /* ------------------------------------------------------------------ the main page */

  function start(options) {
    var site = new Site(readData());
    if (site.data.slices && window.GeoNewsMap.startSliced) {
      window.GeoNewsMap.startSliced(options, site); /* a big site: bigmap.js */
      return;
    }
    var data = site.data;
    var ev = site.ev;
    var n = site.n;
    var map = options.map;
    var groups = options.groups;
    var range = data.range;
    var controls = new window.GeoControls.Controls(options, site, function () {
      apply();
    });
    var state = controls.state;

    /* ---- layers: one per event and one per place mentioned, created once */
    var layers = new Array(n);
    var isPoint = new Uint8Array(n);
    var areaSize = new Float64Array(n);
    var shown = new Uint8Array(n); /* 1 when the date and source filters let the event in */
    var i;
    for (i = 0; i < n; i++) {
      var geom = data.geoms[ev.g[i]];
      var layer = shapeLayer(geom, site.eventStyle(i));
      layer._geoEvent = i;
      if (layer.eachLayer) {
        layer.eachLayer(function (child) {
          child._geoEvent = i;
        });
      }
      layer.bindPopup(popupMaker(layer, i), { maxWidth: 340, autoPanPadding: [12, 12] });
      isPoint[i] = site.isArea(ev.g[i]) ? 0 : 1;
      areaSize[i] = geom.b ? (geom.b[1][0] - geom.b[0][0]) * (geom.b[1][1] - geom.b[0][1]) : 0;
      layers[i] = layer;
    }
    function popupMaker(layer, i) {
      return layerPopup(site, map, layer, i, withNeighbours);
    }

    /* ---- events at one point (two in El Fasher, two in Maputo): each keeps its own circle,
     * spread on a small ring around the point at every zoom, and each popup lists the others
     * there as buttons, so the keyboard reaches them too. */
    var stackOf = new Array(n);
    var stacks = [];
    (function () {
      var byKey = Object.create(null);
      for (var k = 0; k < n; k++) {
        var g = data.geoms[ev.g[k]];
        if (g.t !== "pt") continue;
        var key = g.c[0].toFixed(4) + "," + g.c[1].toFixed(4);
        (byKey[key] = byKey[key] || []).push(k);
      }
      Object.keys(byKey)
        .sort()
        .forEach(function (key) {
          var members = byKey[key];
          if (members.length < 2) return;
          stacks.push(members);
          members.forEach(function (k) {
            stackOf[k] = members;
          });
        });
    })();

    function onMap(k) {
      return shown[k] === 1 && controls.catOn[ev.c[k]];
    }

    /* More events than this at one point stay on it (a ring of hundreds would cover the
     * region); their popups list the others. */
    var SPREAD_MAX = 12;
    var NEIGHBOURS_LISTED = 20;

    function spread() {
      stacks.forEach(function (members) {
        var centre = L.latLng(data.geoms[ev.g[members[0]]].c);
        var here = members.filter(onMap);
        var count = here.length > SPREAD_MAX ? 0 : here.length;
        var middle = map.latLngToLayerPoint(centre);
        var radius = Math.max(11, (18 * count) / (2 * Math.PI));
        members.forEach(function (k) {
          var at = here.indexOf(k);
          if (count < 2 || at < 0) {
            layers[k].setLatLng(centre);
            return;
          }
          var angle = -Math.PI / 2 + (2 * Math.PI * at) / count;
          var point = middle.add([radius * Math.cos(angle), radius * Math.sin(angle)]);
          layers[k].setLatLng(map.layerPointToLatLng(point));
        });
      });
    }
    if (stacks.length) map.on("zoomend viewreset", spread);

    function withNeighbours(box, i) {
      var members = stackOf[i];
      if (!members) return box;
      var others = members.filter(function (k) {
        return k !== i && onMap(k);
      });
      if (!others.length) return box;
      var list = el("ul", { class: "popup-neighbours" });
      others.slice(0, NEIGHBOURS_LISTED).forEach(function (k) {
        var button = el("button", { type: "button", class: "neighbour-button" }, [
          ev.t[k],
          el("span", { class: "event-meta", text: ev.l[k] })
        ]);
        button.addEventListener("click", function () {
          select(k);
          focusPopup(null);
        });
        list.appendChild(el("li", { class: data.cats[ev.c[k]].cls }, [button]));
      });
      var heading = others.length === 1 ? "Also at this place" : "Also at this place (" + others.length + ")";
      var section = el("div", { class: "popup-also" }, [
        el("p", { class: "popup-heading", text: heading }),
        list
      ]);
      if (others.length > NEIGHBOURS_LISTED) {
        section.appendChild(
          el("p", {
            class: "hint",
            text: "and " + (others.length - NEIGHBOURS_LISTED) + " more, in the list of events"
          })
        );
      }
      box.insertBefore(section, box.querySelector(".popup-details"));
      return box;
    }
    /* Everything goes on the map once, hidden, in drawing order: on one canvas the last-drawn
     * shape gets the click, so places go under events, large areas under small ones, and
     * points on top. The filter only flips visibility flags. */
    controls.buildPlaces(shapeLayer, setHidden);
    var placeLayers = controls.placeLayers;
    var np = placeLayers.length;
    drawingOrder().forEach(function (k) {
      setHidden(layers[k], true);
      groups[ev.c[k]].addLayer(layers[k]);
    });
    var renderer = null;
    for (i = 0; i < n && !renderer; i++) renderer = rendererOf(layers[i]);
    for (var r = 0; r < np && !renderer; r++) renderer = rendererOf(placeLayers[r]);

    function drawingOrder() {
      var order = [];
      for (var k = 0; k < n; k++) order.push(k);
      order.sort(function (a, b) {
        return isPoint[a] - isPoint[b] || areaSize[b] - areaSize[a] || a - b;
      });
      return order;
    }

    /* ---- the list */
    var list = controls.list;
    var items = new Array(n);
    var fragment = document.createDocumentFragment();
    for (i = 0; i < n; i++) {
      items[i] = site.listItem(i);
      fragment.appendChild(items[i]);
    }
    list.appendChild(fragment);
    list.addEventListener("click", function (e) {
      var target = e.target.closest ? e.target.closest("li[data-event-id]") : null;
      if (target && target._geoEvent !== undefined) {
        bringMapIntoView();
        select(target._geoEvent);
        focusPopup(target.querySelector("button"));
      }
    });

    /* Where the list is below the map (a phone), choosing an entry scrolls the map into view
     * first, so its popup opens where the reader is looking. */
    function bringMapIntoView() {
      var box = map.getContainer().getBoundingClientRect();
      var tall = window.innerHeight || document.documentElement.clientHeight;
      if (box.top < 0 || box.bottom > tall) {
        map.getContainer().scrollIntoView({ block: box.height > tall ? "start" : "nearest" });
      }
    }

    /* The popup opened from the list takes the focus, so a screen reader reads it and the
     * keyboard reaches its links and Embed button; Escape closes it and goes back. */
    var returnFocus = null;
    var openPopup = null;
    function focusPopup(back) {
      var element = openPopup && openPopup.getElement();
      var content = element ? element.querySelector(".popup") : null;
      if (!content) return;
      returnFocus = back || null;
      content.setAttribute("tabindex", "-1");
      content.focus({ preventScroll: true });
    }
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || !e.target.closest || !e.target.closest(".leaflet-popup")) return;
      map.closePopup();
      if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
      returnFocus = null;
    });
    var skip = document.querySelector(".skip-link");
    if (skip) {
      skip.addEventListener("click", function (e) {
        e.preventDefault(); /* keep the filter state in the hash */
        list.focus();
      });
    }

    /* ---- the sources filter, the date controls and timeline, the legend's counts */
    var counts = site.sourceNames.map(function () {
      return 0;
    });
    site.evSources.forEach(function (keys) {
      keys.forEach(function (k) {
        counts[k] += 1;
      });
    });
    controls.buildSources(counts);
    controls.buildDates();
    var legendCounts = controls.legendCounts();
    controls.buildEmbed();

    /* ---- applying the filter: flip the visibility of the layers whose state changed */
    var drawOrderDirty = false;

    function apply() {
      var from = state.from;
      var to = state.to;
      var catOn = controls.catOn;
      var changed = false;
      var perCategory = data.cats.map(function () {
        return 0;
      });
      var timelineDays = [];
      var listed = [];
      for (var i = 0; i < n; i++) {
        var source = controls.sourcesOk(site.evSources[i]);
        var want = ev.s[i] <= to && ev.e[i] >= from && source;
        if (want !== (shown[i] === 1)) {
          setHidden(layers[i], !want);
          shown[i] = want ? 1 : 0;
          changed = true;
        }
        if (want) perCategory[ev.c[i]] += 1;
        if (source && catOn[ev.c[i]]) timelineDays.push(ev.s[i]);
        var on = want && catOn[ev.c[i]];
        if (items[i].hidden === on) items[i].hidden = !on;
        if (on) listed.push(i);
      }
      legendCounts.forEach(function (count, c) {
        if (!count) return;
        var total = data.cats[c].count;
        count.textContent =
          "(" + (perCategory[c] === total ? total : perCategory[c] + " of " + total) + ")";
      });
      if (controls.timeline) controls.timeline.draw(timelineDays, from, to);
      if (controls.showPlaces()) changed = true;
      if (drawOrderDirty) fixDrawOrder();
      if (stacks.length) spread();
      if (changed) repaint(renderer);
      nameEventPlaces(options.base, site, listed);
      controls.countText.textContent =
        n === 0
          ? "No events."
          : "Showing " +
            listed.length +
            " of " +
            n +
            " events" +
            (range ? ", " + isoFromDay(state.from) + " to " + isoFromDay(state.to) : "") +
            ".";
      controls.syncDates();
      if (controls.refitWanted) {
        controls.refitWanted = false;
        controls.fitTo(listed);
      }
      controls.writeHash();
      announceApplied();
    }

    /* A layer group switched back on is drawn last: put everything back in drawing order. */
    function fixDrawOrder() {
      drawOrderDirty = false;
      for (var j = 0; j < np; j++) if (placeLayers[j]._map) placeLayers[j].bringToFront();
      drawingOrder().forEach(function (k) {
        if (layers[k]._map) layers[k].bringToFront();
      });
      repaint(renderer);
    }

    function countListed() {
      var count = 0;
      for (var i = 0; i < n; i++) if (!items[i].hidden) count++;
      return count;
    }

    function listedNow() {
      var out = [];
      for (var i = 0; i < n; i++) if (!items[i].hidden) out.push(i);
      return out;
    }

    function applyHash(initial) {
      var asked = controls.readHash(initial, null);
      apply();
      if (asked.eventId !== null && asked.eventId in site.byId) {
        select(site.byId[asked.eventId]);
      } else if (asked.placeId !== null && asked.placeId in site.placeById) {
        controls.selectPlace(site.placeById[asked.placeId]);
      } else if (asked.view) {
        map.setView(asked.view.centre, asked.view.zoom, { animate: false });
      } else if (!controls.fitTo(listedNow()) && initial && data.bounds) {
        map.fitBounds(data.bounds, { maxZoom: 6, padding: [20, 20], animate: false });
      }
    }

    /* ---- choosing an event */
    function select(i) {
      selectEvent(controls, i, layers[i]._map && shown[i] ? layers[i] : null, withNeighbours);
    }

    keepPopupsInMap(map);
    map.on("popupopen", function (e) {
      openPopup = e.popup;
    });
    controls.listen(function (e) {
      if (e.type === "overlayadd") drawOrderDirty = true;
    }, applyHash);

    applyHash(true);
    /* For tests and for scripting the page from the console. */
    window.GeoNewsMap.view = controls.viewApi({
      drawnEventIds: function () {
        var out = [];
        for (var i = 0; i < n; i++) if (layers[i]._map && shown[i]) out.push(ev.id[i]);
        return out;
      },
      /* Where event `id` is drawn, in page pixels (a point event's circle; else null). */
      screenPoint: function (id) {
        var k = site.byId[id];
        if (k === undefined || !layers[k].getLatLng) return null;
        var p = map.latLngToContainerPoint(layers[k].getLatLng());
        var box = map.getContainer().getBoundingClientRect();
        return [p.x + box.left, p.y + box.top];
      },
      /* Apply a date window now (not on the next frame); returns the events listed. */
      setWindow: function (fromIso, toIso) {
        var from = dayFromIso(fromIso);
        var to = dayFromIso(toIso);
        if (from === null || to === null) throw new Error("dates must be YYYY-MM-DD");
        state.from = Math.min(from, to);
        state.to = Math.max(from, to);
        apply();
        return countListed();
      }
    });
    document.documentElement.setAttribute("data-ready", "true");
  }

  /* ------------------------------------------------------------------ embed pages */

  function embed(options) {
    var site = new Site(readData());
    var data = site.data;
    var map = options.map;
    var group = options.groups[0];
    var fallback = document.querySelector(".embed-fallback");
    if (fallback) fallback.parentNode.removeChild(fallback);
    data.credits.forEach(function (c) {
      map.attributionControl.addAttribution(escapeHtml(c));
    });
    if (site.n > 0) {
      var geom = data.geoms[site.ev.g[0]];
      var layer = shapeLayer(geom, site.eventStyle(0));
      layer.bindPopup(site.eventPopup.bind(site, 0, false), { maxWidth: 300, autoPanPadding: [8, 8] });
      keepPopupsInMap(map);
      group.addLayer(layer);
      nameEventPlaces(options.base, site, [0]);
      if (geom.t === "pt") map.setView(geom.c, 5, { animate: false });
      else map.fitBounds(geom.b, { maxZoom: 7, padding: [16, 16], animate: false });
    }
    /* In a page that embeds the map, the wheel scrolls the page until the map is used. */
    map.scrollWheelZoom.disable();
    map.on("click focus", function () {
      map.scrollWheelZoom.enable();
    });
    window.GeoNewsMap.view = {
      map: map,
      drawnEventIds: function () {
        var out = [];
        group.eachLayer(function () {
          out.push(site.ev.id[0]);
        });
        return out;
      },
      baseOnMap: function () {
        return map.hasLayer(options.base);
      },
      labels: function () {
        return options.base && options.base.labelsShown ? options.base.labelsShown() : [];
      }
    };
    document.documentElement.setAttribute("data-ready", "true");
  }

  window.GeoNewsMap = {
    /* Shared with bigmap.js (a big site's page); not an interface for others. */
    _internals: {
      Site: Site,
      shapeLayer: shapeLayer,
      setHidden: setHidden,
      repaint: repaint,
      rendererOf: rendererOf,
      fitPopup: fitPopup,
      keepPopupsInMap: keepPopupsInMap,
      layerPopup: layerPopup,
      selectEvent: selectEvent
    },
    start: start,
    embed: embed,
    details: function (number, list) {
      detailFiles.receive(number, list);
    },
    dayFromIso: dayFromIso,
    isoFromDay: isoFromDay
  };
})();
