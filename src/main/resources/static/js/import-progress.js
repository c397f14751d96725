// The import page while a batch is checked or stored on the server: asks how far it is every second
// and shows it; when the job is done the page loads again and shows the report.
(function () {
  var box = document.getElementById('import-progress');
  if (!box || !window.fetch) {
    return;
  }
  var bar = document.getElementById('import-bar');
  var text = document.getElementById('import-progress-text');
  var poll = function () {
    fetch(box.getAttribute('data-progress-url'), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (progress) {
        if (!progress) {
          setTimeout(poll, 3000);
          return;
        }
        text.textContent = progress.text;
        if (progress.toWrite) {
          bar.max = progress.toWrite;
          bar.value = progress.rowsWritten;
        }
        if (progress.running) {
          setTimeout(poll, 1000);
        } else {
          window.location.reload();
        }
      })
      .catch(function () {
        setTimeout(poll, 3000);
      });
  };
  setTimeout(poll, 1000);
})();
