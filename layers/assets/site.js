/* geo-news-map: the site's own script (needs Leaflet; part of geo-news-map, see docs/site.md).
 *
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

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
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
  var detailChunks = Object.create(null);
  var detailWaiting = Object.create(null);

  function receiveDetails(number, list) {
    detailChunks[number] = list;
    var waiting = detailWaiting[number] || [];
    delete detailWaiting[number];
    waiting.forEach(function (callback) {
      callback();
    });
  }

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
    if (number in detailChunks) {
      callback(detailChunks[number][offset] || null);
      return;
    }
    var first = !(number in detailWaiting);
    (detailWaiting[number] = detailWaiting[number] || []).push(function () {
      var list = detailChunks[number];
      callback(list ? list[offset] || null : null);
    });
    if (first) {
      var script = document.createElement("script");
      script.src = this.root + "details/" + number + ".js";
      script.onerror = function () {
        receiveDetails(number, null);
        delete detailChunks[number];
      };
      document.head.appendChild(script);
    }
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
        return new Hideable.polygon(geom.c, style);
    }
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

  function centreOf(geom) {
    if (geom.t === "pt") return L.latLng(geom.c[0], geom.c[1]);
    var b = geom.b;
    return L.latLng((b[0][0] + b[1][0]) / 2, (b[0][1] + b[1][1]) / 2);
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

  /* ------------------------------------------------------------------ the main page */

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

  function decodeList(raw) {
    if (raw === "") return [];
    return raw.split(",").map(function (v) {
      try {
        return decodeURIComponent(v);
      } catch (e) {
        return v;
      }
    });
  }

  /* The base map names the places of the events listed (see basemap/labels-layer.js):
   * points first, then areas from the smallest, so a town is named before an ocean. */
  function nameEventPlaces(base, site, items) {
    if (!base || !base.setEvents) return;
    var places = [];
    for (var i = 0; i < site.n; i++) {
      if ((items && items[i].hidden) || !site.ev.p[i]) continue;
      var geom = site.data.geoms[site.ev.g[i]];
      var c = centreOf(geom);
      var b = geom.b;
      var size = b ? Math.max(b[1][0] - b[0][0], b[1][1] - b[0][1]) : 0;
      places.push({ name: site.ev.p[i], lat: c.lat, lon: c.lng, size: size });
    }
    places.sort(function (a, b) {
      return a.size - b.size;
    });
    base.setEvents(places);
  }

  function decodeOne(raw) {
    try {
      return decodeURIComponent(raw);
    } catch (e) {
      return raw;
    }
  }

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
    var placesGroup = options.places;
    var range = data.range;
    data.credits.forEach(function (c) {
      map.attributionControl.addAttribution(escapeHtml(c));
    });

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
      return function () {
        return withNeighbours(
          site.eventPopup(i, true, function () {
            var popup = layer.getPopup();
            if (popup && popup.isOpen()) {
              popup.update();
              fitPopup(map, popup);
            }
          }),
          i
        );
      };
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
      return shown[k] === 1 && catOn[ev.c[k]];
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
    var pl = data.pl;
    var np = pl.id.length;
    var placeLayers = new Array(np);
    var placeShown = new Uint8Array(np);
    for (var j = 0; j < np; j++) {
      var pgeom = data.geoms[pl.g[j]];
      var player = shapeLayer(pgeom, site.placeStyle(pl.g[j]));
      player._geoPlace = j;
      player.bindPopup(site.placePopup.bind(site, j), { maxWidth: 340 });
      placeLayers[j] = player;
    }
    /* Everything goes on the map once, hidden, in drawing order: on one canvas the last-drawn
     * shape gets the click, so places go under events, large areas under small ones, and
     * points on top. The filter only flips visibility flags. */
    for (var q = 0; q < np; q++) {
      setHidden(placeLayers[q], true);
      if (placesGroup) placesGroup.addLayer(placeLayers[q]);
    }
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

    /* ---- state */
    var state = {
      from: range ? range[0] : 0,
      to: range ? range[1] : 0,
      sources: null /* null: all; else an object {sourceIndex: true} */,
      view: null /* "zoom/lat/lon" from the hash, kept until a filter re-fits the map */,
      event: null,
      place: null
    };
    var catOn = groups.map(function (g) {
      return map.hasLayer(g);
    });

    /* ---- the list */
    var list = document.getElementById("event-list");
    var items = new Array(n);
    var fragment = document.createDocumentFragment();
    for (i = 0; i < n; i++) {
      var cat = data.cats[ev.c[i]];
      var meta = ev.l[i] + (ev.p[i] ? " · " + ev.p[i] : "");
      /* Three elements per event: thousands of them must restyle fast when the filter
       * shows them all. The category colour is the button's left border (categories.css). */
      var button = el("button", { type: "button", class: "event-button" }, [
        ev.t[i],
        el("span", { class: "event-meta", text: meta })
      ]);
      var item = el("li", { class: "event-item " + cat.cls, "data-event-id": ev.id[i] }, [button]);
      item._geoEvent = i;
      items[i] = item;
      fragment.appendChild(item);
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

    /* ---- the sources filter */
    var sourceBoxes = [];
    var sourcePanel = document.getElementById("sources-panel");
    var sourceFilter = document.getElementById("source-filter");
    if (site.sourceNames.length > 1 && sourceFilter) {
      var counts = site.sourceNames.map(function () {
        return 0;
      });
      site.evSources.forEach(function (keys) {
        keys.forEach(function (k) {
          counts[k] += 1;
        });
      });
      var order = site.sourceNames.map(function (_, k) {
        return k;
      });
      order.sort(function (a, b) {
        return counts[b] - counts[a] || (site.sourceNames[a] < site.sourceNames[b] ? -1 : 1);
      });
      order.forEach(function (k) {
        var id = "source-" + k;
        var box = el("input", { type: "checkbox", id: id, checked: true });
        box._geoSource = k;
        sourceBoxes[k] = box;
        sourceFilter.appendChild(
          el("div", { class: "source-option" }, [
            box,
            el("label", { for: id }, [site.sourceNames[k] + " (" + counts[k] + ")"])
          ])
        );
      });
      sourceFilter.addEventListener("change", function () {
        readSourceBoxes();
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
      sourcePanel.hidden = false;
    }

    function readSourceBoxes() {
      var chosen = {};
      var all = true;
      sourceBoxes.forEach(function (box, k) {
        if (box.checked) chosen[k] = true;
        else all = false;
      });
      state.sources = all ? null : chosen;
    }

    function setSources(chosen) {
      state.sources = chosen;
      sourceBoxes.forEach(function (box, k) {
        box.checked = chosen === null || !!chosen[k];
      });
    }

    function sourceOk(i) {
      if (state.sources === null) return true;
      var keys = site.evSources[i];
      for (var k = 0; k < keys.length; k++) if (state.sources[keys[k]]) return true;
      return false;
    }

    /* ---- date controls */
    var fromInput = document.getElementById("date-from");
    var toInput = document.getElementById("date-to");
    var fromRange = document.getElementById("range-from");
    var toRange = document.getElementById("range-to");
    var reset = document.getElementById("date-reset");
    var countText = document.getElementById("event-count");

    function clampToRange(day) {
      return Math.min(Math.max(day - range[0], 0), range[1] - range[0]);
    }

    function syncControls() {
      if (!range) return;
      fromInput.value = isoFromDay(state.from);
      toInput.value = isoFromDay(state.to);
      fromRange.value = String(clampToRange(state.from));
      toRange.value = String(clampToRange(state.to));
      fromRange.setAttribute("aria-valuetext", isoFromDay(state.from));
      toRange.setAttribute("aria-valuetext", isoFromDay(state.to));
    }

    if (!range) {
      [fromInput, toInput, fromRange, toRange, reset].forEach(function (c) {
        c.disabled = true;
      });
    } else {
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
          var day = dayFromIso(input.value);
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
      reset.addEventListener("click", function () {
        state.from = range[0];
        state.to = range[1];
        refit();
      });
    }

    /* ---- the timeline: events per day, week or month; dragging across it sets the window */
    var timeline = null;
    var timelineChart = document.getElementById("timeline-chart");
    if (range && timelineChart && window.GeoTimeline) {
      timeline = window.GeoTimeline.create(timelineChart, range[0], range[1], function (from, to) {
        state.from = from;
        state.to = to;
        refit();
      });
    }

    /* ---- the legend's counts follow the date and source filters */
    var legendCounts = [];
    var legendItems = document.querySelectorAll(".legend-categories li[data-category]");
    data.cats.forEach(function (cat, c) {
      for (var k = 0; k < legendItems.length; k++) {
        if (legendItems[k].getAttribute("data-category") === cat.key) {
          legendCounts[c] = legendItems[k].querySelector(".count");
        }
      }
    });

    /* ---- applying the filter: add and remove only the layers whose visibility changed */
    var drawOrderDirty = false;
    var refitWanted = false;

    function placeInWindow(j) {
      var spans = pl.w[j];
      if (spans === null) return true; /* a mention without a date: always shown */
      for (var k = 0; k < spans.length; k++) {
        if (spans[k][0] <= state.to && spans[k][1] >= state.from) return true;
      }
      return false;
    }

    function apply() {
      var from = state.from;
      var to = state.to;
      var visible = 0;
      var changed = false;
      var perCategory = data.cats.map(function () {
        return 0;
      });
      var timelineDays = [];
      for (var i = 0; i < n; i++) {
        var source = sourceOk(i);
        var want = ev.s[i] <= to && ev.e[i] >= from && source;
        if (want !== (shown[i] === 1)) {
          setHidden(layers[i], !want);
          shown[i] = want ? 1 : 0;
          changed = true;
        }
        if (want) perCategory[ev.c[i]] += 1;
        if (source && catOn[ev.c[i]]) timelineDays.push(ev.s[i]);
        var listed = want && catOn[ev.c[i]];
        if (items[i].hidden === listed) items[i].hidden = !listed;
        if (listed) visible++;
      }
      legendCounts.forEach(function (count, c) {
        if (!count) return;
        var total = data.cats[c].count;
        count.textContent =
          "(" + (perCategory[c] === total ? total : perCategory[c] + " of " + total) + ")";
      });
      if (timeline) timeline.draw(timelineDays, from, to);
      for (var j = 0; j < np; j++) {
        var wantPlace = placeInWindow(j);
        if (wantPlace !== (placeShown[j] === 1)) {
          setHidden(placeLayers[j], !wantPlace);
          placeShown[j] = wantPlace ? 1 : 0;
          changed = true;
        }
      }
      if (drawOrderDirty) fixDrawOrder();
      if (stacks.length) spread();
      if (changed) repaint(renderer);
      nameEventPlaces(options.base, site, items);
      countText.textContent =
        n === 0
          ? "No events."
          : "Showing " +
            visible +
            " of " +
            n +
            " events" +
            (range ? ", " + isoFromDay(state.from) + " to " + isoFromDay(state.to) : "") +
            ".";
      syncControls();
      if (refitWanted) {
        refitWanted = false;
        fitToListed();
      }
      writeHash();
      announceApplied();
    }

    /* Fit the map to the events the filters leave (those listed); none left: leave it. */
    function fitToListed() {
      var south = Infinity;
      var west = Infinity;
      var north = -Infinity;
      var east = -Infinity;
      for (var i = 0; i < n; i++) {
        if (items[i].hidden) continue;
        var geom = data.geoms[ev.g[i]];
        var b = geom.t === "pt" ? [geom.c, geom.c] : geom.b;
        south = Math.min(south, b[0][0]);
        west = Math.min(west, b[0][1]);
        north = Math.max(north, b[1][0]);
        east = Math.max(east, b[1][1]);
      }
      if (south === Infinity) return false;
      var bounds = L.latLngBounds([south, west], [north, east]);
      var fit = { maxZoom: 6, padding: [24, 24], animate: false };
      /* Already framed so (a window that leaves the same extent): do not redraw every shape. */
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

    /* A filter the reader changed: apply it on the next frame and fit the map to the result. */
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
        apply();
      });
    }

    /* ---- the hash */
    function writeHash() {
      if (!range) return;
      var parts = ["from=" + isoFromDay(state.from), "to=" + isoFromDay(state.to)];
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
      var filter = parts.join("&");
      if (state.event !== null) parts.push("event=" + encodeURIComponent(state.event));
      else if (state.place !== null) parts.push("place=" + encodeURIComponent(state.place));
      showFilter(filter);
      var text = "#" + parts.join("&");
      if (text !== window.location.hash) {
        try {
          window.history.replaceState(null, "", text);
        } catch (e) {
          /* some file:// setups refuse; the state still works, it just is not in the URL */
        }
      }
    }

    /* ---- the whole-map embed (embed/index.html, this page with the side panel hidden) and
     * the main page's "Embed this view": the same hash gives the same events in both */
    var embedded = document.body.classList.contains("site-embed-all");
    var embedButton = document.getElementById("embed-view");
    var embedPanel = document.getElementById("embed-view-panel");
    var embedCode = document.getElementById("embed-view-code");
    var lastFilter = "";

    function viewText() {
      var c = map.getCenter();
      return map.getZoom() + "/" + c.lat.toFixed(4) + "/" + c.lng.toFixed(4);
    }

    /* The part of the hash an embed of this view needs: the window, the layers, the
     * sources, and where the map is framed. */
    function embedHash() {
      return lastFilter.replace(/(^|&)view=[^&]*/, "") + "&view=" + viewText();
    }

    function showFilter(filter) {
      lastFilter = filter;
      if (embedded) {
        var full = "../index.html#" + filter;
        document.querySelectorAll("a.full-map").forEach(function (a) {
          a.setAttribute("href", full);
        });
        var copy = document.getElementById("embed-count");
        if (copy) copy.textContent = countText.textContent;
      } else if (embedPanel && !embedPanel.hidden) {
        fillEmbedCode();
      }
    }

    function fillEmbedCode() {
      var src = new URL("embed/index.html", window.location.href).href + "#" + embedHash();
      embedCode.value = fillSnippet(data.snippet, {
        src: escapeHtml(src),
        title: escapeHtml("Map: " + data.title)
      });
      document.getElementById("embed-view-open").setAttribute("href", "embed/index.html#" + embedHash());
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
        copyFrom(embedCode, copyButton);
      });
      map.on("moveend", function () {
        if (!embedPanel.hidden) fillEmbedCode();
      });
    }

    if (embedded) {
      var fallback = document.querySelector(".embed-fallback");
      if (fallback) fallback.parentNode.removeChild(fallback);
      /* In a page that embeds the map, the wheel scrolls the page until the map is used. */
      map.scrollWheelZoom.disable();
      map.on("click focus", function () {
        map.scrollWheelZoom.enable();
      });
    }

    function parseView(text) {
      var m = /^(\d{1,2})\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/.exec(text || "");
      if (!m) return null;
      var zoom = +m[1];
      var lat = +m[2];
      var lng = +m[3];
      if (lat < -90 || lat > 90 || lng < -360 || lng > 360 || zoom > 20) return null;
      return { zoom: zoom, centre: [lat, lng] };
    }

    function setLayerOn(group, on) {
      if (on && !map.hasLayer(group)) map.addLayer(group);
      if (!on && map.hasLayer(group)) map.removeLayer(group);
    }

    function applyHash(initial) {
      var h = parseHash(window.location.hash);
      if (range) {
        var from = "from" in h ? dayFromIso(h.from) : null;
        var to = "to" in h ? dayFromIso(h.to) : null;
        state.from = from === null ? range[0] : from;
        state.to = to === null ? range[1] : to;
        if (state.from > state.to) {
          var swap = state.from;
          state.from = state.to;
          state.to = swap;
        }
      }
      if ("layers" in h) {
        var wanted = decodeList(h.layers);
        groups.forEach(function (g, c) {
          setLayerOn(g, wanted.indexOf(data.cats[c].key) >= 0);
        });
      } else if (!initial) {
        groups.forEach(function (g) {
          setLayerOn(g, true);
        });
      }
      /* the places layer is off unless the hash asks for it (places=1) */
      if (placesGroup) setLayerOn(placesGroup, h.places === "1");
      catOn = groups.map(function (g) {
        return map.hasLayer(g);
      });
      if ("sources" in h && sourceBoxes.length) {
        var chosen = {};
        decodeList(h.sources).forEach(function (name) {
          var k = site.sourceNames.indexOf(name);
          if (k >= 0) chosen[k] = true;
        });
        setSources(chosen);
      } else {
        setSources(null);
      }
      var eventId = "event" in h ? decodeOne(h.event) : null;
      var placeId = "place" in h ? decodeOne(h.place) : null;
      var view = parseView(h.view);
      state.event = null;
      state.place = null;
      state.view = view ? h.view : null;
      apply();
      if (eventId !== null && eventId in site.byId) {
        select(site.byId[eventId]);
      } else if (placeId !== null && placeId in site.placeById) {
        selectPlace(site.placeById[placeId]);
      } else if (view) {
        map.setView(view.centre, view.zoom, { animate: false });
      } else if (!fitToListed() && initial && data.bounds) {
        map.fitBounds(data.bounds, { maxZoom: 6, padding: [20, 20], animate: false });
      }
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
      var geom = data.geoms[ev.g[i]];
      zoomTo(geom);
      if (layers[i]._map && shown[i]) {
        layers[i].openPopup();
      } else {
        var popup = L.popup({ maxWidth: 340, autoPanPadding: [12, 12] }).setLatLng(centreOf(geom));
        popup.setContent(
          withNeighbours(
            site.eventPopup(i, true, function () {
              if (popup.isOpen()) fitPopup(map, popup);
            }),
            i
          )
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
      if (placeLayers[j]._map && placeShown[j]) {
        placeLayers[j].openPopup();
      } else {
        L.popup({ maxWidth: 340 }).setLatLng(centreOf(geom)).setContent(site.placePopup(j)).openOn(map);
      }
      state.place = pl.id[j];
      state.event = null;
      writeHash();
    }

    keepPopupsInMap(map);
    map.on("popupopen", function (e) {
      openPopup = e.popup;
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
      if (window.location.hash.indexOf("=") < 0) return; /* an in-page anchor, e.g. the skip link */
      applyHash(false);
    });

    applyHash(true);
    /* For tests and for scripting the page from the console. */
    window.GeoNewsMap.view = {
      map: map,
      drawnEventIds: function () {
        var out = [];
        for (var i = 0; i < n; i++) if (layers[i]._map && shown[i]) out.push(ev.id[i]);
        return out;
      },
      drawnPlaceIds: function () {
        var out = [];
        for (var j = 0; j < np; j++) if (placeLayers[j]._map && placeShown[j]) out.push(pl.id[j]);
        return out;
      },
      baseOnMap: function () {
        return map.hasLayer(options.base);
      },
      /* The place names the base map shows now: [{name, kind}]. */
      labels: function () {
        return options.base && options.base.labelsShown ? options.base.labelsShown() : [];
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
    };
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
      nameEventPlaces(options.base, site, null);
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

  window.GeoNewsMap = {
    /* Shared with bigmap.js (a big site's page); not an interface for others. */
    _internals: {
      Site: Site,
      el: el,
      escapeHtml: escapeHtml,
      shapeLayer: shapeLayer,
      setHidden: setHidden,
      repaint: repaint,
      rendererOf: rendererOf,
      centreOf: centreOf,
      fitPopup: fitPopup,
      keepPopupsInMap: keepPopupsInMap,
      parseHash: parseHash,
      decodeList: decodeList,
      decodeOne: decodeOne,
      fillSnippet: fillSnippet,
      copyFrom: copyFrom,
      nameEventPlaces: nameEventPlaces,
      announceApplied: announceApplied
    },
    start: start,
    embed: embed,
    details: receiveDetails,
    dayFromIso: dayFromIso,
    isoFromDay: isoFromDay
  };
})();
