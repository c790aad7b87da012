// The layout editor's canvas. The form's number fields are the truth: dragging and presets
// only write numbers into them, and the canvas is redrawn from them, so typing works too.
(function () {
  'use strict';
  var form = document.getElementById('layout-form');
  var canvas = document.getElementById('canvas');
  if (!form || !canvas) {
    return;
  }
  var widthInput = document.getElementById('width');
  var heightInput = document.getElementById('height');
  var snapSelect = document.getElementById('snap');
  var rows = Array.prototype.slice.call(form.querySelectorAll('tr[data-row]'));

  function number(input, fallback) {
    var value = parseInt(input.value, 10);
    return isNaN(value) ? fallback : value;
  }

  function canvasSize() {
    return { w: Math.max(16, number(widthInput, 1920)), h: Math.max(16, number(heightInput, 1080)) };
  }

  function field(row, name) {
    return row.querySelector('.' + name);
  }

  function scale() {
    return canvas.clientWidth / canvasSize().w;
  }

  function snap(value) {
    var step = parseInt(snapSelect.value, 10) || 1;
    return Math.round(value / step) * step;
  }

  function clamp(value, min, max) {
    return Math.min(Math.max(value, min), max);
  }

  // One element per placed row, kept while it stays placed so a drag is never interrupted.
  var elements = {};

  function element(index, row) {
    if (!elements[index]) {
      var box = document.createElement('div');
      box.className = 'box';
      box.dataset.row = index;
      var name = document.createElement('span');
      name.textContent = row.querySelector('.slot-name').textContent;
      box.appendChild(name);
      var handle = document.createElement('div');
      handle.className = 'handle';
      box.appendChild(handle);
      canvas.appendChild(box);
      elements[index] = box;
    }
    return elements[index];
  }

  function draw() {
    var size = canvasSize();
    canvas.style.aspectRatio = size.w + ' / ' + size.h;
    var s = scale();
    rows.forEach(function (row, index) {
      if (!field(row, 'placed').checked) {
        if (elements[index]) {
          elements[index].remove();
          delete elements[index];
        }
        return;
      }
      var box = element(index, row);
      box.style.left = number(field(row, 'x'), 0) * s + 'px';
      box.style.top = number(field(row, 'y'), 0) * s + 'px';
      box.style.width = number(field(row, 'w'), 0) * s + 'px';
      box.style.height = number(field(row, 'h'), 0) * s + 'px';
      box.style.zIndex = number(field(row, 'z'), 0) + 1000;
    });
  }

  // Drag to move, drag the corner handle to resize; both in canvas pixels, snapped.
  canvas.addEventListener('pointerdown', function (event) {
    var box = event.target.closest('.box');
    if (!box) {
      return;
    }
    event.preventDefault();
    var row = rows[parseInt(box.dataset.row, 10)];
    var resizing = event.target.classList.contains('handle');
    var start = { px: event.clientX, py: event.clientY, x: number(field(row, 'x'), 0), y: number(field(row, 'y'), 0),
      w: number(field(row, 'w'), 16), h: number(field(row, 'h'), 16) };
    var s = scale();

    function move(moveEvent) {
      var size = canvasSize();
      var dx = (moveEvent.clientX - start.px) / s;
      var dy = (moveEvent.clientY - start.py) / s;
      if (resizing) {
        field(row, 'w').value = clamp(snap(start.x + start.w + dx) - start.x, 16, size.w - start.x);
        field(row, 'h').value = clamp(snap(start.y + start.h + dy) - start.y, 16, size.h - start.y);
      } else {
        field(row, 'x').value = clamp(snap(start.x + dx), 0, size.w - start.w);
        field(row, 'y').value = clamp(snap(start.y + dy), 0, size.h - start.h);
      }
      draw();
    }

    function end() {
      document.removeEventListener('pointermove', move);
      document.removeEventListener('pointerup', end);
      document.removeEventListener('pointercancel', end);
    }

    document.addEventListener('pointermove', move);
    document.addEventListener('pointerup', end);
    document.addEventListener('pointercancel', end);
  });

  // Preset boxes as fractions of the canvas: [x, y, width, height].
  var presets = {
    full: [[0, 0, 1, 1]],
    side: [[0, 0.25, 0.5, 0.5], [0.5, 0.25, 0.5, 0.5]],
    grid: [[0, 0, 0.5, 0.5], [0.5, 0, 0.5, 0.5], [0, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5]],
    big: [[1 / 6, 0, 2 / 3, 2 / 3], [0, 2 / 3, 1 / 3, 1 / 3], [1 / 3, 2 / 3, 1 / 3, 1 / 3], [2 / 3, 2 / 3, 1 / 3, 1 / 3]]
  };

  form.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-preset]');
    if (!button) {
      return;
    }
    var size = canvasSize();
    var boxes = presets[button.dataset.preset];
    // The ticked slots fill the preset's boxes in the table's order (natural: slot-2 before
    // slot-10); with none ticked, the first slots do. Ticked slots past the last box are unticked.
    var chosen = rows.filter(function (row) { return field(row, 'placed').checked; });
    if (chosen.length === 0) {
      chosen = rows;
    }
    rows.forEach(function (row) {
      field(row, 'placed').checked = false;
    });
    chosen.forEach(function (row, index) {
      var box = boxes[index];
      if (!box) {
        return;
      }
      field(row, 'placed').checked = true;
      var x = Math.round(box[0] * size.w);
      var y = Math.round(box[1] * size.h);
      field(row, 'x').value = x;
      field(row, 'y').value = y;
      field(row, 'w').value = Math.round((box[0] + box[2]) * size.w) - x;
      field(row, 'h').value = Math.round((box[1] + box[3]) * size.h) - y;
      field(row, 'z').value = 0;
    });
    draw();
  });

  form.addEventListener('input', draw);
  form.addEventListener('change', draw);
  window.addEventListener('resize', draw);
  draw();
})();
