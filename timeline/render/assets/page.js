/* timeline.html behaviour: draw the plotly chart, then make the tables sortable and searchable.
   Static code shipped with the package: it never builds HTML from article text (rows are
   rendered, escaped, by Python) and adds no inline handlers. */
(function () {
  "use strict";

  function byId(id) {
    return document.getElementById(id);
  }

  // ---- chart ----------------------------------------------------------------------------
  var chart = byId("chart");
  var dataNode = byId("figure-data");
  var figure = dataNode ? JSON.parse(dataNode.textContent) : null;

  function focusRow(eventId) {
    var row = byId("row-" + eventId);
    if (!row) return;
    if (row.hidden) {
      clearFilters();
    }
    var details = row.querySelector("details");
    if (details) details.open = true;
    row.classList.add("flash");
    row.scrollIntoView({ block: "center", behavior: "smooth" });
    window.setTimeout(function () {
      row.classList.remove("flash");
    }, 1600);
  }

  // ---- views: the reporting period or all dates ------------------------------------------
  // figure.views (made in Python, timeline/render/view.py says the rule): "all" draws every
  // row over every date; "news" draws the reporting period and only the rows of the events it
  // meets, and the note beside the buttons says how many lie outside it.
  var views = figure && figure.views;
  var mode = views && views[views.initial] ? views.initial : "all";
  var labels = {};
  var zoomed = false; // the user changed the date range since the last view was set
  var legendAboveAxis = false; // fitLegend put the legend above a date axis on top
  var applying = false;

  function rowLayout(rows, height) {
    var props = {
      "yaxis.categoryarray": rows,
      "yaxis.tickvals": rows,
      "yaxis.ticktext": rows.map(function (id) {
        return Object.prototype.hasOwnProperty.call(labels, id) ? labels[id] : id;
      }),
      "yaxis.range": [rows.length - 0.5, -0.5],
      height: height,
    };
    if (legendAboveAxis) {
      // 50 px above the plot whatever its height: a fraction of a short plot put the legend
      // over the dates.
      var margin = figure.layout.margin || {};
      var plot = Math.max(height - (margin.t || 0) - (margin.b || 0), 1);
      props["legend.y"] = 1 + 50 / plot;
    }
    return props;
  }

  function viewLayout(name) {
    var view = views[name];
    var props = rowLayout(view.rows, view.height);
    if (view.range) props["xaxis.range"] = view.range.slice();
    else props["xaxis.autorange"] = true;
    return props;
  }

  function markView(name) {
    mode = name;
    zoomed = false;
    [["reset-zoom", "all"], ["news-window", "news"]].forEach(function (pair) {
      var button = byId(pair[0]);
      if (button) button.setAttribute("aria-pressed", String(pair[1] === name));
    });
    var note = byId("view-note");
    if (note) note.hidden = name !== "news";
    if (chart) chart.setAttribute("data-view", name);
  }

  function showView(name) {
    if (!views || !views[name] || !window.Plotly) return;
    markView(name);
    applying = true;
    window.Plotly.relayout(chart, viewLayout(name)).then(
      function () {
        applying = false;
      },
      function () {
        applying = false;
      }
    );
  }

  // Zoom the date axis to [start, end], widened by `around` times its length each side
  // (at least three days) so the neighbours of a single event stay in view. An event whose
  // row the reporting period leaves out brings back every row first.
  function zoomTo(start, end, around, eventId) {
    if (!chart || !window.Plotly || !start) return;
    var a = Date.parse(start.replace(" ", "T"));
    var b = Date.parse((end || start).replace(" ", "T"));
    if (isNaN(a)) return;
    if (isNaN(b) || b <= a) b = a + 86400000;
    var pad = around ? Math.max((b - a) * around, 3 * 86400000) : 0;
    var props = { "xaxis.range": [new Date(a - pad).toISOString(), new Date(b + pad).toISOString()] };
    if (views && eventId && views[mode].rows.indexOf(eventId) === -1) {
      var all = views.all;
      Object.assign(props, rowLayout(all.rows, all.height));
      markView("all");
    }
    window.Plotly.relayout(chart, props);
    chart.scrollIntoView({ block: "start", behavior: "smooth" });
  }

  // Event hover cards travel once, keyed by event id (a bar and its marker share one).
  if (figure && figure.hover) {
    figure.data.forEach(function (trace) {
      if (!trace.hovertext && trace.customdata) {
        trace.hovertext = trace.customdata.map(function (id) {
          return Object.prototype.hasOwnProperty.call(figure.hover, id) ? figure.hover[id] : id;
        });
      }
    });
  }

  // A diamond stands in for a bar too thin to see; once zoomed in far enough for the bar to
  // show (about 10 px), the diamond fades out so it does not sit on top of the bar.
  var barMs = {};
  var markerTraces = [];
  if (figure && figure.data) {
    figure.data.forEach(function (trace, index) {
      if (trace.type === "bar") {
        trace.y.forEach(function (id, i) {
          barMs[id] = trace.x[i];
        });
      } else if (trace.marker && trace.marker.symbol === "diamond" && trace.customdata) {
        markerTraces.push({ index: index, opacity: trace.marker.opacity.slice() });
      }
    });
  }

  function fadeMarkers() {
    var axis = chart._fullLayout && chart._fullLayout.xaxis;
    if (!axis || !markerTraces.length) return;
    var range = axis.range.map(function (v) {
      if (typeof v === "number") return v;
      var ms = Date.parse(v);
      return isNaN(ms) ? Date.parse(String(v).replace(" ", "T")) : ms;
    });
    var pxPerMs = axis._length / Math.max(range[1] - range[0], 1);
    var indices = [];
    var opacities = [];
    markerTraces.forEach(function (m) {
      var ids = chart.data[m.index].customdata;
      indices.push(m.index);
      opacities.push(
        ids.map(function (id, i) {
          return (barMs[id] || 0) * pxPerMs >= 10 ? 0 : m.opacity[i];
        })
      );
    });
    window.Plotly.restyle(chart, { "marker.opacity": opacities }, indices);
  }

  // A hover card is placed by plotly beside its point and kept inside the chart, not inside
  // the window: a tall card (three quotes, ~500 px) on a row near the top of a scrolled page
  // ran past the top of the screen, and one taller than a short chart was cut off. Once
  // plotly has drawn it, the card's box is moved (its pointer still on the point) to lie
  // within the window; the chart's SVG lets it overflow (page.css).
  var CARD_PATH = /^M0,0L(-?[\d.]+),(-?[\d.]+)(v-?[\d.]+h-?[\d.]+v-?[\d.]+H-?[\d.]+)V(-?[\d.]+)Z$/;

  function fitHoverCards() {
    var room = 8;
    Array.prototype.forEach.call(chart.querySelectorAll(".hoverlayer g.hovertext"), function (g) {
      var path = g.querySelector("path");
      var text = g.querySelector("text");
      if (!path || !text) return;
      text.removeAttribute("transform");
      var m = CARD_PATH.exec(path.getAttribute("d") || "");
      if (!m) return;
      var box = g.getBoundingClientRect();
      var shift = 0;
      if (box.bottom > window.innerHeight - room) shift = window.innerHeight - room - box.bottom;
      if (box.top + shift < room) shift = room - box.top;
      if (Math.abs(shift) < 0.5) return;
      var y = parseFloat(m[2]) + shift;
      var v = parseFloat(m[4]) + shift;
      path.setAttribute("d", "M0,0L" + m[1] + "," + y + m[3] + "V" + v + "Z");
      text.setAttribute("transform", "translate(0," + shift + ")");
    });
  }

  // On a narrow screen the legend moves above the chart so the bars keep their width.
  function fitLegend(layout) {
    if (!layout || !layout.legend || chart.clientWidth >= 1100) return;
    layout.legend.orientation = "h";
    // Kept in the plot's width, clear of the tool buttons: plotly wraps a horizontal legend
    // at the plot's width without counting a title set beside the entries, and sets grouped
    // entries side by side; so the title goes on top and the entries in plain order.
    layout.legend.traceorder = "normal";
    layout.legend.title = Object.assign({}, layout.legend.title, { side: "top" });
    layout.legend.xanchor = "left";
    // From the chart's left edge, not the plot's: the row labels leave that room free.
    var margin = layout.margin || {};
    var plot = chart.clientWidth - (margin.l || 0) - 44;
    layout.legend.x = plot > 0 ? Math.max(-(margin.l || 0) / plot, -2) : 0;
    // A phone's plot is ~120 px wide: plotly stood four dates on end there, up into the
    // legend; one flat date per 80 px reads.
    if (layout.xaxis && plot < 500) {
      layout.xaxis.nticks = Math.max(2, Math.floor(plot / 80));
      layout.xaxis.tickangle = 0;
    }
    layout.legend.y = 1.0;
    layout.legend.yanchor = "bottom";
    if (layout.xaxis && layout.xaxis.side === "top") {
      layout.legend.y = 1.08;
      legendAboveAxis = true;
    }
    // The tool buttons go down the right margin instead of over the legend.
    layout.modebar = { orientation: "v" };
    layout.margin = layout.margin || {};
    layout.margin.r = 44;
  }

  // On a phone or a narrow window the full row labels would take the chart's whole width
  // (a 400 px screen kept no room for the bars): past 40% of it, the longest of the shorter
  // label sets Python made (figure.narrow) that fits goes in, else the shortest, and the
  // left margin shrinks with it.
  function fitLabels(fig) {
    var layout = fig.layout;
    var sets = fig.narrow || [];
    if (!sets.length || !layout || !layout.yaxis || !layout.margin) return;
    var room = 0.4 * chart.clientWidth;
    if (layout.margin.l <= room) return;
    var rows = (layout.yaxis.ticktext || []).length;
    var pick = sets[sets.length - 1];
    for (var i = 0; i < sets.length; i += 1) {
      if (sets[i].margin_l <= room) {
        pick = sets[i];
        break;
      }
    }
    if (pick.ticktext.length !== rows || pick.margin_l >= layout.margin.l) return;
    layout.yaxis.ticktext = pick.ticktext;
    layout.margin.l = pick.margin_l;
  }

  if (chart && figure && window.Plotly) {
    fitLabels(figure);
    fitLegend(figure.layout);
    var axis = figure.layout.yaxis;
    (axis.categoryarray || []).forEach(function (id, i) {
      labels[id] = axis.ticktext[i];
    });
    if (views && views[mode]) {
      var initial = viewLayout(mode);
      Object.keys(initial).forEach(function (key) {
        var path = key.split(".");
        var target = figure.layout;
        if (path.length === 2) target = target[path[0]] = target[path[0]] || {};
        if (path[1] === "autorange") return; // the whole chart: plotly's default
        target[path[path.length - 1]] = initial[key];
      });
      markView(mode);
    }
    var config = {
      displaylogo: false,
      responsive: true,
      scrollZoom: false,
      // Double-click zooms out (see plotly_relayout below); "reset axes" would set the range
      // the page opened on over whatever rows are drawn: the two view buttons do that.
      doubleClick: "autosize",
      modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d", "resetScale2d"],
      toImageButtonOptions: { format: "png", filename: "timeline", scale: 2 },
    };
    window.Plotly.newPlot(chart, figure.data, figure.layout, config).then(function () {
      fadeMarkers();
      chart.on("plotly_relayout", fadeMarkers);
      chart.on("plotly_hover", fitHoverCards);
      // Zooming out from a zoom inside the reporting period goes back to it; from there (or
      // from anywhere in the whole chart) to all dates.
      chart.on("plotly_relayout", function (ev) {
        if (applying || !ev) return;
        if (ev["xaxis.autorange"]) {
          if (mode === "news" && zoomed) showView("news");
          else if (mode !== "all" || zoomed) showView("all");
        } else if (ev["xaxis.range[0]"] !== undefined || ev["xaxis.range"] !== undefined) {
          zoomed = true;
        }
      });
      chart.setAttribute("data-ready", "1");
      chart.on("plotly_click", function (ev) {
        var point = ev && ev.points && ev.points[0];
        if (point && typeof point.customdata === "string") focusRow(point.customdata);
      });
    });
    var reset = byId("reset-zoom");
    if (reset) {
      reset.addEventListener("click", function () {
        showView("all");
      });
    }
    var news = byId("news-window");
    if (news) {
      news.addEventListener("click", function () {
        showView("news");
        chart.scrollIntoView({ block: "start", behavior: "smooth" });
      });
    }
  } else if (chart) {
    chart.textContent = "The chart could not be drawn (plotly.js did not load); the tables below hold everything.";
  }

  // ---- tables: sort ---------------------------------------------------------------------
  function sortKey(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) return numeric ? -Infinity : "";
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    if (numeric) {
      var n = parseFloat(raw);
      return isNaN(n) ? -Infinity : n;
    }
    return raw.toLowerCase();
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var numeric = th.getAttribute("data-type") === "number";
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (x, y) {
          var a = sortKey(x, index, numeric);
          var b = sortKey(y, index, numeric);
          var order = a < b ? -1 : a > b ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) {
          body.appendChild(row);
        });
      });
    });
  });

  // ---- events table: search and filters -------------------------------------------------
  var search = byId("event-search");
  var conflictsOnly = byId("conflicts-only");
  var count = byId("event-count");
  var eventsTable = byId("events");
  var rows = eventsTable ? Array.prototype.slice.call(eventsTable.tBodies[0].rows) : [];
  var haystacks = rows.map(function (row) {
    return row.textContent.replace(/\s+/g, " ").toLowerCase();
  });

  function applyFilters() {
    var terms = search ? search.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
    var onlyConflicts = conflictsOnly && conflictsOnly.checked;
    var shown = 0;
    rows.forEach(function (row, i) {
      var ok =
        (!onlyConflicts || row.getAttribute("data-conflict") === "1") &&
        terms.every(function (t) {
          return haystacks[i].indexOf(t) !== -1;
        });
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    if (count) {
      count.textContent =
        shown === rows.length
          ? rows.length + " events"
          : "showing " + shown + " of " + rows.length + " events";
    }
  }

  function clearFilters() {
    if (search) search.value = "";
    if (conflictsOnly) conflictsOnly.checked = false;
    applyFilters();
  }

  var timer = null;
  if (search) {
    search.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(applyFilters, 60);
    });
  }
  if (conflictsOnly) conflictsOnly.addEventListener("change", applyFilters);
  applyFilters();

  rows.forEach(function (row) {
    var button = row.querySelector("button.zoom");
    if (!button) return;
    button.addEventListener("click", function () {
      zoomTo(row.getAttribute("data-start"), row.getAttribute("data-end"), 1.5, row.id.slice(4));
    });
  });
})();
