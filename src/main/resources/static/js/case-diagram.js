// Draws the case's process model with bpmn-js (served by the app) and marks where the case stands.
// The diagram fits the panel when it loads; the buttons beside it zoom in, out and back to fit, and
// the canvas can be dragged. No inline script anywhere: the page's CSP allows none.
(function () {
  var STEP = 1.3;

  /** Fits the whole model into the container, never enlarged beyond its own size. */
  function fit(canvas) {
    canvas.zoom('fit-viewport', 'auto');
    if (canvas.zoom() > 1) {
      canvas.zoom(1, 'auto');
    }
  }

  /** A container as tall as the model needs at the panel's width, within the window. */
  function sizeFor(container, canvas) {
    var inner = canvas.viewbox().inner;
    if (!inner.width) {
      return;
    }
    var scale = Math.min(1, container.clientWidth / (inner.width + 40));
    var height = Math.round(inner.height * scale + 40);
    container.style.height = Math.max(240, Math.min(height, Math.round(window.innerHeight * 0.8))) + 'px';
    canvas.resized();
  }

  /**
   * Draws {xml, current, done} into the container; the elements of {@code tools} with data-zoom="in",
   * "out" or "fit" become its zoom buttons. Resolves with the viewer once the model is drawn.
   */
  function draw(container, diagram, tools) {
    var viewer = new window.BpmnJS({ container: container, zoomScroll: { enabled: false } });
    return viewer.importXML(diagram.xml).then(function () {
      var canvas = viewer.get('canvas');
      var registry = viewer.get('elementRegistry');
      diagram.done.forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'done'); } });
      diagram.current.forEach(function (id) { if (registry.get(id)) { canvas.addMarker(id, 'current'); } });
      viewer.get('eventBus').on('canvas.viewbox.changed', function (event) {
        container.dataset.zoom = event.viewbox.scale.toFixed(3);
      });
      sizeFor(container, canvas);
      fit(canvas);
      container.dataset.zoom = canvas.zoom().toFixed(3);
      (tools ? tools.querySelectorAll('[data-zoom]') : []).forEach(function (button) {
        button.disabled = false;
        button.addEventListener('click', function () {
          var how = button.dataset.zoom;
          if (how === 'fit') {
            fit(canvas);
          } else {
            canvas.zoom(canvas.zoom() * (how === 'in' ? STEP : 1 / STEP), 'auto');
          }
        });
      });
      container.dataset.ready = 'true';
      return viewer;
    });
  }

  window.caseDiagram = { draw: draw };

  var container = document.getElementById('diagram');
  if (!container || !window.BpmnJS) { return; }
  fetch(container.dataset.source, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
    .then(function (diagram) { return draw(container, diagram, document.getElementById('diagram-tools')); })
    .catch(function () { container.textContent = container.dataset.error; });
})();
