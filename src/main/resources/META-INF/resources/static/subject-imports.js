// Console upload of subject imports: sends the file as the raw request body (so the server can
// stream it), then polls the import's progress until it has finished. Text only, never markup.
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form) {
    return;
  }
  var section = document.getElementById('import-progress');
  var phase = document.getElementById('import-phase');
  var bar = document.getElementById('import-bar');
  var failure = document.getElementById('import-failure');
  var errorsLink = document.getElementById('import-errors');
  var button = form.querySelector('button[type=submit]');
  var FINISHED = ['COMPLETED', 'FAILED', 'INTERRUPTED'];

  function text(id, value) {
    document.getElementById(id).textContent = String(value);
  }

  function showFailure(message) {
    failure.textContent = message;
    failure.hidden = false;
    button.disabled = false;
  }

  function render(p) {
    bar.value = p.percent;
    phase.textContent = 'Import ' + p.status.toLowerCase() + ': ' + p.percent + ' %';
    text('rows-read', p.rowsRead);
    text('rows-accepted', p.rowsAccepted);
    text('rows-rejected', p.rowsRejected);
    text('rows-changed', p.rowsChanged);
    text('rows-per-second', p.rowsPerSecond);
    if (p.rowsRejected > 0) {
      errorsLink.href = '/console/subjects/imports/' + encodeURIComponent(p.id) + '/errors.csv';
      errorsLink.hidden = false;
    }
    if (p.failure) {
      showFailure(p.failure);
    }
  }

  function poll(id) {
    fetch('/console/subjects/imports/' + encodeURIComponent(id) + '/progress',
      { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) {
          throw new Error('Progress is not available (HTTP ' + r.status + ')');
        }
        return r.json();
      })
      .then(function (p) {
        render(p);
        if (FINISHED.indexOf(p.status) < 0) {
          setTimeout(function () { poll(id); }, 1000);
        } else {
          button.disabled = false;
        }
      })
      .catch(function (e) { showFailure(e.message); });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = form.elements.file.files[0];
    if (!file) {
      return;
    }
    var type = form.querySelector('input[name=type]:checked').value;
    var source = form.elements.source.value.trim();
    var url = '/console/subjects/imports?type=' + encodeURIComponent(type)
      + (source ? '&source=' + encodeURIComponent(source) : '');
    var contentType = /\.(ndjson|jsonl)$/i.test(file.name) ? 'application/x-ndjson; charset=utf-8'
      : 'text/csv; charset=utf-8';
    var xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', form.elements.csrf.value);
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        var percent = Math.floor(e.loaded * 100 / e.total);
        bar.value = percent;
        phase.textContent = 'Uploading: ' + percent + ' %';
      }
    };
    xhr.onload = function () {
      if (xhr.status === 202) {
        var accepted = JSON.parse(xhr.responseText);
        bar.value = 0;
        phase.textContent = 'Import queued';
        poll(accepted.importId);
        return;
      }
      var detail = 'The upload was refused (HTTP ' + xhr.status + ')';
      try {
        var problem = JSON.parse(xhr.responseText);
        detail = problem.detail || problem.title || detail;
      } catch (ignored) {
        // not problem+json
      }
      showFailure(detail);
    };
    xhr.onerror = function () { showFailure('The upload did not reach Herald; try again.'); };
    failure.hidden = true;
    errorsLink.hidden = true;
    section.hidden = false;
    button.disabled = true;
    phase.textContent = 'Uploading: 0 %';
    xhr.send(file);
  });
}());
