/*
 * Charts drawn with ECharts from the table beside them: the table is the data and the accessible
 * fallback, the chart a picture of it (aria-hidden). A chart element names its table and kind:
 *   <div class="chart" data-chart="bars" data-source="#stages-table" data-column="2"></div>
 * Rows may carry data-group (a colour per group, e.g. the lifecycle phase). Content that htmx
 * swaps in gets its charts too.
 */
(function (window, document) {
  "use strict";

  var GROUP_COLOURS = { acquisition: "#0b5cab", active: "#1a7f37", passive: "#9a6700" };
  var FALLBACK = "#5b6b7f";

  function number(text) {
    // the table shows numbers as the reader writes them (1.234,5 or 1,234.5); the chart needs them plain
    var lang = document.documentElement.lang || "en";
    var cleaned = (text || "").replace(/[\s\u00a0%]/g, "").replace("\u2212", "-");
    cleaned = lang.indexOf("de") === 0 ? cleaned.replace(/\./g, "").replace(",", ".") : cleaned.replace(/,/g, "");
    var value = parseFloat(cleaned);
    return isNaN(value) ? 0 : value;
  }

  function rows(table, column) {
    return Array.prototype.map.call(table.tBodies[0].rows, function (row) {
      var label = row.querySelector("th[scope=row]");
      return {
        label: label ? label.textContent.trim() : "",
        value: number(row.cells[column] ? row.cells[column].textContent : ""),
        group: row.getAttribute("data-group") || ""
      };
    });
  }

  function values(data) {
    return data.map(function (d) { return d.value; });
  }

  function labels(data) {
    return data.map(function (d) { return d.label; });
  }

  var lang = document.documentElement.lang || "en";

  // numbers on axes and labels as the page's reader writes them (1.234,5 in German)
  function shown(value) {
    return typeof value === "number" ? value.toLocaleString(lang) : value;
  }

  function valueAxis(extra) {
    var axis = { type: "value", axisLabel: { formatter: shown } };
    Object.keys(extra || {}).forEach(function (k) { axis[k] = extra[k]; });
    return axis;
  }

  function cellsOf(table) {
    return Array.prototype.map.call(table.tBodies[0].rows, function (row) {
      return Array.prototype.map.call(row.cells, function (cell) { return cell.textContent.trim(); });
    }).filter(function (cells) { return cells.length > 1; });
  }

  function headers(table) {
    return Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) { return cell.textContent.trim(); });
  }

  // tables name the kind of chart they feed; these read the whole table, not one column
  var tableKinds = {
    sankey: function (table) {
      var rows = cellsOf(table);
      var names = {};
      rows.forEach(function (r) { names[r[0]] = true; names[r[1]] = true; });
      return {
        tooltip: { trigger: "item" },
        series: [{
          type: "sankey", left: 8, right: 160, top: 8, bottom: 8, nodeGap: 10, draggable: false,
          emphasis: { focus: "adjacency" },
          data: Object.keys(names).map(function (n) { return { name: n }; }),
          links: rows.filter(function (r) { return r[0] !== r[1]; })
            .map(function (r) { return { source: r[0], target: r[1], value: number(r[2]) }; }),
          lineStyle: { color: "gradient", opacity: 0.35 }
        }]
      };
    },
    lines: function (table) {
      var head = headers(table).slice(1);
      var rows = cellsOf(table);
      return {
        tooltip: { trigger: "axis" },
        legend: { type: "scroll", bottom: 0 },
        grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
        xAxis: { type: "category", data: rows.map(function (r) { return r[0]; }) },
        yAxis: valueAxis({ minInterval: 1 }),
        series: head.map(function (name, i) {
          return { name: name, type: "line", smooth: false, data: rows.map(function (r) { return number(r[i + 1]); }) };
        })
      };
    },
    heatmap: function (table) {
      var x = headers(table).slice(1);
      var rows = cellsOf(table);
      var data = [];
      var max = 1;
      // a column every row has at its maximum (month 0 of a cohort) would wash out the colours
      var skip = parseInt(table.getAttribute("data-scale-from") || "0", 10);
      rows.forEach(function (r, y) {
        r.slice(1).forEach(function (text, i) {
          if (text !== "–" && text !== "") {
            var v = number(text);
            if (i >= skip) {
              max = Math.max(max, v);
            }
            data.push([i, y, v]);
          }
        });
      });
      return {
        tooltip: { position: "top" },
        grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
        xAxis: { type: "category", data: x, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: "category", data: rows.map(function (r) { return r[0]; }), inverse: true },
        visualMap: { min: 0, max: max, calculable: false, orient: "horizontal", left: "center", bottom: 0,
                     inRange: { color: ["#e6f0fa", "#f5a623", "#b42318"] } },
        series: [{ type: "heatmap", data: data, label: { show: true, formatter: function (p) { return shown(p.value[2]); } } }]
      };
    }
  };

  var kinds = {
    funnel: function (data) {
      var first = data.length ? data[0].value || 1 : 1;
      return {
        tooltip: { trigger: "item" },
        series: [{
          type: "funnel",
          sort: "none",
          left: "2%", width: "55%", top: 8, bottom: 8,
          minSize: "4%",
          label: {
            show: true, position: "right",
            formatter: function (p) { return p.name + ": " + shown(p.value) + " (" + Math.round(p.value * 100 / first) + " %)"; }
          },
          labelLine: { show: true },
          data: data.map(function (d) { return { name: d.label, value: d.value }; })
        }]
      };
    },
    "bars-vertical": function (data) {
      return {
        grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: labels(data) },
        yAxis: valueAxis({ minInterval: 1 }),
        series: [{ type: "bar", data: values(data), itemStyle: { color: "#0b5cab" } }]
      };
    },
    bars: function (data) {
      return {
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        xAxis: valueAxis({ minInterval: 1 }),
        yAxis: { type: "category", inverse: true, data: data.map(function (d) { return d.label; }) },
        series: [{
          type: "bar",
          data: data.map(function (d) {
            return { value: d.value, itemStyle: { color: GROUP_COLOURS[d.group] || FALLBACK } };
          }),
          label: { show: true, position: "right", formatter: function (p) { return shown(p.value); } }
        }]
      };
    }
  };

  function draw(element) {
    if (!window.echarts || element.getAttribute("data-drawn")) {
      return;
    }
    var table = document.querySelector(element.getAttribute("data-source"));
    var name = element.getAttribute("data-chart");
    if (!table || !(kinds[name] || tableKinds[name]) || !table.tBodies[0] || !table.tBodies[0].rows.length) {
      return;
    }
    var column = parseInt(element.getAttribute("data-column") || "1", 10);
    var chart = window.echarts.init(element, null, { renderer: "canvas" });
    chart.setOption(tableKinds[name] ? tableKinds[name](table) : kinds[name](rows(table, column)));
    element.setAttribute("data-drawn", "true");
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function drawAll(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll("[data-chart]"), draw);
  }

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function (event) { drawAll(event.target); });
})(window, document);
