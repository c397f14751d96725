// Keeps what a reviewer typed into a task's form in this browser until they submit it, so that a
// page left (to open a file, the case, another task) and opened again still has the draft.
(function () {
  var form = document.querySelector('form[data-draft]');
  if (!form || !window.localStorage) {
    return;
  }
  var key = 'task-draft:' + form.dataset.draft;
  var fields = function () {
    return Array.prototype.filter.call(form.elements, function (e) {
      return e.name && e.name !== '_csrf' && e.type !== 'submit' && e.type !== 'hidden';
    });
  };
  var save = function () {
    var draft = {};
    fields().forEach(function (e) {
      if (e.type === 'radio' || e.type === 'checkbox') {
        if (e.checked) {
          draft[e.name] = e.value;
        }
      } else if (e.value) {
        draft[e.name] = e.value;
      }
    });
    localStorage.setItem(key, JSON.stringify(draft));
  };
  // the server's values (a refused submission comes back with them) win over the draft
  var empty = fields().every(function (e) {
    return (e.type === 'radio' || e.type === 'checkbox') ? !e.checked : !e.value;
  });
  var stored = localStorage.getItem(key);
  if (stored && empty) {
    var draft = JSON.parse(stored);
    fields().forEach(function (e) {
      if (!(e.name in draft)) {
        return;
      }
      if (e.type === 'radio' || e.type === 'checkbox') {
        e.checked = e.value === draft[e.name];
      } else {
        e.value = draft[e.name];
      }
    });
    var note = document.createElement('p');
    note.className = 'small muted';
    note.id = 'draft-restored';
    note.textContent = form.dataset.restored;
    form.insertBefore(note, form.firstChild);
  }
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  form.addEventListener('submit', function () {
    localStorage.removeItem(key);
  });
}());
