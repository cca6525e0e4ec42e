// Draws the dashboard's bar charts with the locally served Apache ECharts. Each chart's data (data-chart) holds the same
// figures as the table after it; the table is the content, the chart only illustrates it (aria-hidden). Without
// JavaScript, or if ECharts failed to load, the tables stand alone.
(function () {
  "use strict";
  function draw(el) {
    var d = JSON.parse(el.getAttribute("data-chart"));
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    var horizontal = d.categories.length > 6;
    var category = { type: "category", data: d.categories, axisLabel: { interval: 0, width: 160, overflow: "truncate" } };
    var value = { type: "value", minInterval: 1 };
    chart.setOption({
      animation: false,
      title: { text: d.title, left: 0, textStyle: { fontSize: 14, fontWeight: "normal" } },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, renderMode: "richText" }, // no HTML: the CSP allows no inline styles
      legend: { top: 24, type: "scroll" },
      grid: { left: 8, right: 24, top: 64, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? Object.assign({ inverse: true }, category) : value,
      series: d.series.map(function (s) {
        return { name: s.name, type: "bar", stack: d.stacked ? "total" : undefined, data: s.data, barMaxWidth: 36 };
      })
    });
    if (horizontal) el.style.height = Math.max(280, 40 * d.categories.length + 100) + "px";
    chart.resize();
    window.addEventListener("resize", function () { chart.resize(); });
    el.setAttribute("data-drawn", "true");
  }
  function start() {
    if (!window.echarts) return;
    document.querySelectorAll(".chart[data-chart]").forEach(draw);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
