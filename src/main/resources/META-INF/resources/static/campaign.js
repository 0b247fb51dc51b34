// Live progress of a notice campaign: polls the campaign once a second and updates the bars.
(function () {
  const section = document.getElementById('progress');
  if (!section) return;
  const id = section.dataset.campaign;
  const overall = document.getElementById('progress-overall');
  const percent = document.getElementById('percent');
  const status = document.getElementById('status');
  const rows = document.getElementById('progress-rows');
  function row(channel, p) {
    let tr = rows.querySelector('tr[data-channel="' + channel + '"]');
    if (!tr) {
      tr = document.createElement('tr');
      tr.dataset.channel = channel;
      tr.innerHTML = '<th scope="row"></th>' + '<td></td>'.repeat(8) + '<td><progress max="100" value="0"></progress></td>';
      tr.querySelector('th').textContent = channel;
      rows.appendChild(tr);
    }
    const cells = tr.querySelectorAll('td');
    [p.queued, p.held, p.sent, p.delivered, p.failed, p.retryScheduled, p.fellBack, p.unreachable]
      .forEach((v, i) => { cells[i].textContent = v; });
    // Held letters wait for their print batch: in flight, not done.
    const total = p.queued + p.held + p.sent + p.delivered + p.retryScheduled + p.unreachable;
    const done = p.sent + p.delivered + p.unreachable;
    tr.querySelector('progress').value = total === 0 ? 100 : Math.floor(done * 100 / total);
  }
  function poll() {
    fetch('/console/campaigns/' + id + '/progress', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(r => r.ok ? r.json() : Promise.reject(r.status))
      .then(c => {
        overall.value = c.progress.percentDone;
        percent.textContent = c.progress.percentDone;
        const held = document.getElementById('held');
        if (held) {
          document.getElementById('held-count').textContent = c.progress.held;
          held.hidden = c.progress.held === 0;
        }
        const settled = document.getElementById('settled');
        if (settled) {
          document.getElementById('settled-count').textContent = c.progress.settled;
          settled.hidden = c.progress.settled === 0;
        }
        status.textContent = c.status;
        Object.entries(c.progress.byChannel).forEach(([k, v]) => row(k, v));
        if (c.status !== 'COMPLETED' && c.status !== 'CANCELLED') setTimeout(poll, 1000);
      })
      .catch(() => setTimeout(poll, 3000));
  }
  poll();
})();
