// bantin console: the few things a page does with script, and nothing else. Without script, the pages still work
// (forms post, the progress page shows the state when it is loaded).
document.addEventListener('DOMContentLoaded', function () {
  // Ask before a resend: it sends mail to people.
  document.querySelectorAll('form.confirm').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
  // A template being checked and previewed: load the page again until it has become the candidate's page.
  var staging = document.getElementById('staging');
  if (staging) { setTimeout(function () { window.location.reload(); }, parseInt(staging.getAttribute('data-reload'), 10)); }
  // Live progress of a run: poll its JSON until it has ended.
  var box = document.getElementById('progress');
  if (!box) { return; }
  var url = box.getAttribute('data-poll');
  function show(p) {
    var state = document.getElementById('state');
    state.textContent = box.getAttribute('data-l-' + p.state) || p.state;
    state.setAttribute('data-state', p.state);
    document.getElementById('rows').textContent = p.rowsRead.toLocaleString('vi-VN');
    document.getElementById('rendered').textContent = p.rendered;
    document.getElementById('sent').textContent = p.sent;
    document.getElementById('failed').textContent = p.notDelivered;
    document.getElementById('message').textContent = p.message || '';
    var list = document.getElementById('pdfs');
    list.textContent = '';
    p.pdfs.forEach(function (href) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = href;
      a.textContent = decodeURIComponent(href).replace(/^.*\//, '');
      li.appendChild(a);
      list.appendChild(li);
    });
    if (p.run && !document.getElementById('run-link')) {
      var link = document.createElement('a');
      link.id = 'run-link';
      link.href = p.run;
      link.textContent = '→';
      box.appendChild(link);
    }
  }
  function poll() {
    fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (r) { return r.json(); })
      .then(function (p) {
        show(p);
        if (p.state === 'queued' || p.state === 'running') { setTimeout(poll, 1000); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
});
