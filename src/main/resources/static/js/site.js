// What pages ask for by data attributes, so that no page needs inline script (the CSP allows none).
document.addEventListener('click', function (event) {
  var target = event.target instanceof Element ? event.target : null;
  if (!target) {
    return;
  }
  if (target.closest('[data-print]')) {
    window.print();
  }
  var asking = target.closest('[data-confirm]');
  if (asking && !window.confirm(asking.dataset.confirm)) {
    event.preventDefault();
  }
});
