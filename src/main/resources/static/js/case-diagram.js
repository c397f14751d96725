// Draws the case's process model with bpmn-js (served by the app) and marks where the case stands.
(function () {
  var container = document.getElementById('diagram');
  if (!container || !window.BpmnJS) { return; }
  fetch(container.dataset.source, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
    .then(function (diagram) {
      var viewer = new window.BpmnJS({ container: container });
      return viewer.importXML(diagram.xml).then(function () {
        var canvas = viewer.get('canvas');
        var registry = viewer.get('elementRegistry');
        diagram.done.forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'done'); } });
        diagram.current.forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'current'); } });
        canvas.zoom('fit-viewport');
        container.dataset.ready = 'true';
      });
    })
    .catch(function () { container.textContent = container.dataset.error; });
})();
