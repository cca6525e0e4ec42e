// Import progress. Without JavaScript the upload form simply posts and the result page has a 刷新 link;
// with it, the upload page shows a progress bar while the file is sent and checked, and a running import's
// page refreshes itself when the import ends. Polls the page's ?handler=Status JSON once a second.
(function () {
  'use strict';

  function describe(s) {
    if (!s) return '';
    var text = s.label || '';
    if (s.processedRows) text += '：已检查 ' + s.processedRows + ' 行';
    if (s.percent !== null && s.percent !== undefined) text += '（' + s.percent + '%）';
    return text;
  }

  function poll(url, onStatus) {
    var stopped = false;
    function tick() {
      if (stopped) return;
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) { if (s && onStatus(s) === false) stopped = true; })
        .catch(function () { /* keep trying: the upload may still be running */ })
        .then(function () { if (!stopped) setTimeout(tick, 1000); });
    }
    setTimeout(tick, 500);
  }

  // Upload forms: the normal form post carries on; this only shows progress meanwhile.
  document.querySelectorAll('form[data-import-form]').forEach(function (form) {
    form.addEventListener('submit', function () {
      var box = form.querySelector('.import-progress');
      if (!box) return;
      var bar = box.querySelector('progress');
      var text = box.querySelector('.import-progress-text');
      box.hidden = false;
      text.textContent = '正在上传文件…';
      form.querySelector('button[type=submit]').disabled = true;
      poll(form.getAttribute('data-status-url'), function (s) {
        if (typeof s.percent === 'number') bar.value = s.percent; else bar.removeAttribute('value');
        text.textContent = describe(s);
        return !s.finished;
      });
    });
  });

  // A running import's page: refresh when it ends.
  var running = document.querySelector('[data-poll-url]');
  if (running) {
    var bar = running.querySelector('progress');
    var text = running.querySelector('.import-progress-text');
    poll(running.getAttribute('data-poll-url'), function (s) {
      if (bar && typeof s.percent === 'number') bar.value = s.percent;
      if (text) text.textContent = describe(s);
      if (s.finished) { window.location.reload(); return false; }
      return true;
    });
  }
})();
