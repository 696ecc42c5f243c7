// The signal page's chart: distinct reporters per period, one stacked bar series per lot,
// with a dashed line at the period of the first alert. Data comes from the page's
// json_script (#signal-counts); Chart.js is our own vendored copy (vendor/chartjs).
(function () {
  "use strict";
  var COLORS = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d"];

  var alertLine = {
    id: "alertLine",
    afterDatasetsDraw: function (chart, _args, opts) {
      if (opts.index < 0) return;
      var x = chart.scales.x.getPixelForValue(opts.index);
      var area = chart.chartArea, ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = "#111827";
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x, area.top);
      ctx.lineTo(x, area.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = "#111827";
      ctx.font = "12px sans-serif";
      ctx.fillText("alert", Math.min(x + 4, area.right - 30), area.top + 12);
      ctx.restore();
    }
  };

  function draw() {
    var canvas = document.getElementById("signal-chart");
    var source = document.getElementById("signal-counts");
    if (!canvas || !source || typeof Chart === "undefined") return;
    var counts = JSON.parse(source.textContent);
    var lots = Object.keys(counts.series);
    var datasets = lots.map(function (lot, i) {
      return {
        label: lot,
        data: counts.series[lot],
        backgroundColor: COLORS[i % COLORS.length],
        stack: "reports"
      };
    });
    var chart = new Chart(canvas, {
      type: "bar",
      data: { labels: counts.labels, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true, title: { display: true, text: counts.weekly ? "week starting" : "day" } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 },
               title: { display: true, text: "distinct reporters" } }
        },
        plugins: { alertLine: { index: counts.labels.indexOf(counts.alert) } }
      },
      plugins: [alertLine]
    });
    var points = datasets.reduce(function (n, d) { return n + d.data.length; }, 0);
    canvas.dataset.points = String(points);
    canvas.dataset.rendered = chart ? "true" : "false";
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
