// The live board: one EventSource carries the whole board of the app after every poll of
// OME and every change of who is live. Each event updates the cards in place (text and
// attributes of nodes that already exist), never reloads, and keeps at most 5 minutes of
// bitrate and viewer figures per slot for the sparklines, so the page does not grow.
(function () {
  'use strict';
  var WINDOW_MS = 5 * 60 * 1000;
  var board = document.getElementById('board');
  if (!board) {
    return;
  }
  var history = {};
  var lastWarnings = {};
  var since = {};
  var previews = {};

  function field(card, name) {
    return card.querySelector('[data-field="' + name + '"]');
  }

  function setText(node, text) {
    if (node && node.textContent !== text) {
      node.textContent = text;
    }
  }

  function relative(ms) {
    var seconds = Math.max(0, Math.round((Date.now() - ms) / 1000));
    if (seconds < 60) {
      return seconds + ' s';
    }
    var minutes = Math.floor(seconds / 60);
    if (minutes < 60) {
      return minutes + ' min';
    }
    return Math.floor(minutes / 60) + ' h ' + ('0' + (minutes % 60)).slice(-2) + ' min';
  }

  function bytes(n) {
    if (n >= 1e9) {
      return (n / 1e9).toFixed(2) + ' GB';
    }
    if (n >= 1e6) {
      return (n / 1e6).toFixed(1) + ' MB';
    }
    return Math.round(n / 1e3) + ' kB';
  }

  function clock(ms) {
    var d = new Date(ms);
    return ('0' + d.getHours()).slice(-2) + ':' + ('0' + d.getMinutes()).slice(-2) + ':' + ('0' + d.getSeconds()).slice(-2);
  }

  function record(slot, at, kbps, viewers) {
    var points = history[slot] || (history[slot] = []);
    if (points.length === 0 || points[points.length - 1].at !== at) {
      points.push({ at: at, kbps: kbps, viewers: viewers });
    }
    while (points.length && points[0].at < at - WINDOW_MS) {
      points.shift();
    }
    return points;
  }

  function line(points, key, now) {
    var max = 1;
    points.forEach(function (p) { max = Math.max(max, p[key]); });
    return points.map(function (p) {
      var x = 300 - (now - p.at) / WINDOW_MS * 300;
      var y = 38 - p[key] / max * 36;
      return x.toFixed(1) + ',' + y.toFixed(1);
    }).join(' ');
  }

  function renderWarnings(card, slot, warnings) {
    var key = JSON.stringify(warnings);
    if (lastWarnings[slot] === key) {
      return;
    }
    lastWarnings[slot] = key;
    var list = field(card, 'warnings');
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    warnings.forEach(function (w) {
      var item = document.createElement('li');
      item.className = 'warning';
      item.dataset.kind = w.kind;
      var problem = document.createElement('strong');
      problem.textContent = w.problem;
      var fix = document.createElement('span');
      fix.textContent = w.fix;
      item.appendChild(problem);
      item.appendChild(fix);
      list.appendChild(item);
    });
  }

  function render(view) {
    setText(document.getElementById('board-live'), String(view.live));
    setText(document.getElementById('board-viewers'), String(view.viewers));
    var down = document.getElementById('ome-down');
    down.hidden = view.omeReachable;
    board.classList.toggle('stale', !view.omeReachable);
    if (!view.omeReachable) {
      setText(document.getElementById('ome-url'), view.omeUrl);
      setText(document.getElementById('ome-down-since'), view.omeDownSince ? clock(view.omeDownSince) : '');
      setText(document.getElementById('ome-problem'), view.omeProblem || '');
    }
    view.cards.forEach(function (c) {
      var card = document.getElementById('card-' + c.name);
      if (!card) {
        return;
      }
      card.classList.toggle('on-air', c.onAir);
      card.classList.toggle('off-air', !c.onAir);
      var status = field(card, 'status');
      setText(status, c.onAir ? 'on air' : 'off');
      status.classList.toggle('live', c.onAir);
      status.classList.toggle('off', !c.onAir);
      since[c.name] = c.onAir ? c.since : null;
      setText(field(card, 'since'), c.onAir && c.since ? 'for ' + relative(c.since) : '');
      setText(field(card, 'reason'), c.reason === 'adopted' ? '(adopted)' : '');
      setText(field(card, 'protocol'), c.onAir && c.protocol ? '· ' + c.protocol : '');
      setText(field(card, 'address'), c.onAir && c.address ? 'from ' + c.address : '');
      var streaming = c.onAir && c.video;
      setText(field(card, 'video'), streaming ? c.video : '–');
      setText(field(card, 'fps'), streaming ? c.fps + ' fps' : '–');
      setText(field(card, 'bitrate'), streaming ? c.kbps + ' Kbps now, ' + c.avgKbps + ' average (plan ' + c.plannedKbps + ')' : '–');
      setText(field(card, 'keyframes'), streaming ? 'every ' + c.keyframeSeconds + ' s' : '–');
      setText(field(card, 'audio'), c.onAir ? (c.audio || 'none') : '–');
      setText(field(card, 'viewers'), c.onAir ? c.viewers + ' now, peak ' + c.peakViewers : '–');
      setText(field(card, 'bytes'), c.onAir ? bytes(c.bytesOut) : '–');
      renderWarnings(card, c.name, c.onAir ? c.warnings : []);
      var points = record(c.name, view.at, c.onAir ? c.kbps : 0, c.onAir ? c.viewers : 0);
      var lines = card.querySelectorAll('.spark polyline');
      lines[0].setAttribute('points', line(points, 'kbps', view.at));
      lines[1].setAttribute('points', line(points, 'viewers', view.at));
      var preview = previews[c.name];
      if (preview) {
        if (c.onAir) {
          preview.start();
        } else {
          preview.stop();
        }
      }
    });
  }

  // "for 12 min" moves on between events too.
  setInterval(function () {
    Object.keys(since).forEach(function (slot) {
      var card = document.getElementById('card-' + slot);
      if (card && since[slot]) {
        setText(field(card, 'since'), 'for ' + relative(since[slot]));
      }
    });
  }, 5000);

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var existing = document.querySelector('script[src="' + src + '"]');
      if (existing) {
        if (existing.dataset.loaded) {
          resolve();
        } else {
          existing.addEventListener('load', resolve);
        }
        return;
      }
      var script = document.createElement('script');
      script.src = src;
      script.onload = function () { script.dataset.loaded = 'true'; resolve(); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  // A preview is a real muted viewer, started only on request.
  board.addEventListener('click', function (event) {
    var button = event.target.closest('.preview-toggle');
    if (!button) {
      return;
    }
    var card = button.closest('.slot-card');
    var slot = card.dataset.slot;
    var box = card.querySelector('.preview');
    if (previews[slot]) {
      previews[slot].stop();
      delete previews[slot];
      box.hidden = true;
      button.textContent = 'Preview (muted)';
      return;
    }
    button.textContent = 'Stop preview';
    box.hidden = false;
    loadScript(board.dataset.playerScript).then(function () {
      return loadScript(board.dataset.playersScript);
    }).then(function () {
      var player = new Greenroom.SlotPlayer(slot, box, board.dataset.preview.replace('/SLOT', '/' + slot),
        { controls: false, muted: true, volume: 0 });
      previews[slot] = player;
      if (card.classList.contains('on-air')) {
        player.start();
      }
    });
  });

  var events = new EventSource(board.dataset.events);
  events.addEventListener('board', function (event) {
    render(JSON.parse(event.data));
  });
  window.greenroomBoard = { events: events };
})();
