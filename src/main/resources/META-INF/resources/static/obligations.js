// Shows due times in the viewer's own time zone and keeps the countdowns running.
(function () {
  'use strict';
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var zoneLabel = document.getElementById('viewer-zone');
  if (zoneLabel && zone) { zoneLabel.textContent = zone; }
  document.querySelectorAll('time.due-at').forEach(function (t) {
    var at = new Date(t.getAttribute('datetime'));
    var local = t.querySelector('.local');
    if (local && !isNaN(at)) {
      local.textContent = at.toLocaleString(undefined, {
        year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, timeZoneName: 'short'
      });
    }
  });
  function span(ms) {
    var m = Math.floor(ms / 60000), d = Math.floor(m / 1440), h = Math.floor((m % 1440) / 60);
    if (d > 0) { return d + ' d ' + h + ' h'; }
    if (h > 0) { return h + ' h ' + (m % 60) + ' min'; }
    return (m % 60) + ' min';
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('td.countdown[data-due]').forEach(function (c) {
      var due = Date.parse(c.getAttribute('data-due'));
      if (isNaN(due)) { return; }
      var row = c.parentElement;
      if (due < now) {
        c.textContent = 'overdue by ' + span(now - due);
        row.classList.add('overdue');
      } else {
        c.textContent = 'due in ' + span(due - now);
      }
    });
  }
  tick();
  setInterval(tick, 30000);
}());
