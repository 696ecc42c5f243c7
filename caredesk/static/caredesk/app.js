// Live SLA countdowns: any element with data-due (ISO time) shows the time left or overdue.
(function () {
  function fmt(ms) {
    const neg = ms < 0; ms = Math.abs(ms);
    const m = Math.floor(ms / 60000), h = Math.floor(m / 60), d = Math.floor(h / 24);
    const text = d ? `${d}d ${h % 24}h` : h ? `${h}h ${m % 60}m` : `${m}m`;
    return neg ? `overdue ${text}` : `${text} left`;
  }
  function tick() {
    document.querySelectorAll("[data-due]").forEach(function (el) {
      const due = Date.parse(el.dataset.due);
      if (!isNaN(due)) { el.textContent = fmt(due - Date.now()); }
    });
  }
  document.addEventListener("DOMContentLoaded", tick);
  document.addEventListener("htmx:afterSwap", tick);
  setInterval(tick, 30000);
})();
