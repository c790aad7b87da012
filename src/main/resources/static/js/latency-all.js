// The all-slots latency page: one player and one meter per slot (players.js and
// latency-meter.js, as the single meter uses them), started while the slot is live, and a
// table row of figures for each. One clock sync serves every meter.
(function () {
  'use strict';

  var table = document.getElementById('all-slots');
  if (!table) {
    return;
  }

  function ms(value) {
    return (value === null || value === undefined) ? '–' : Math.round(value) + ' ms';
  }

  var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
    var stage = tr.querySelector('.meter-mini');
    var row = {
      slot: tr.getAttribute('data-slot'),
      tr: tr,
      stage: stage,
      live: false,
      meter: new GreenroomMeter.Meter({})
    };
    row.player = new Greenroom.SlotPlayer(row.slot, stage, tr.getAttribute('data-source'), {
      controls: false,
      muted: true,
      webrtcConfig: { connectionTimeout: 5000, timeoutMaxRetry: 2 }
    });
    return row;
  });
  // For anyone inspecting the page, and for its tests.
  window.greenroomMeters = {};
  rows.forEach(function (row) { window.greenroomMeters[row.slot] = row.meter; });

  var accuracy = document.getElementById('accuracy');
  GreenroomMeter.syncClock(table.getAttribute('data-time')).then(function (clock) {
    rows.forEach(function (row) { row.meter.clock = clock; });
    accuracy.textContent = 'This browser is within ± ' + Math.ceil(clock.uncertainty)
      + ' ms of Greenroom\'s time. A clock page corrected to Greenroom\'s time is compared with it; one '
      + 'that is not is taken to run on this machine.';
  }, function () {
    accuracy.textContent = 'Greenroom\'s time could not be read: only a clock shown on this machine gives '
      + 'right figures.';
  });

  Greenroom.follow(table.getAttribute('data-live'), function (live) {
    rows.forEach(function (row) {
      var now = live.indexOf(row.slot) >= 0;
      if (now && !row.live) {
        row.meter.reset();
        row.player.start();
      } else if (!now && row.live) {
        row.player.stop();
        row.meter.detach();
      }
      row.live = now;
    });
  });

  function field(row, name, value) {
    row.tr.querySelector('[data-field="' + name + '"]').textContent = value;
  }

  function render() {
    rows.forEach(function (row) {
      // OvenPlayer makes its <video> when it plays: follow whichever one is there.
      var video = row.stage.querySelector('video');
      if (video && row.live) {
        row.meter.attach(video);
      } else {
        row.meter.detach();
      }
      var s = row.meter.summary();
      var status = !row.live ? 'Off air' : !s.frames ? 'Connecting…' : !s.decoded ? 'No clock in the picture'
        : 'Measuring';
      field(row, 'status', status);
      field(row, 'current', ms(s.current));
      field(row, 'median', ms(s.median));
      field(row, 'p95', ms(s.p95));
      field(row, 'max', ms(s.max));
      field(row, 'frames', String(s.frames));
      field(row, 'bad', s.failures + ' / ' + s.garbled);
      row.tr.classList.toggle('on-air', row.live);
    });
  }
  setInterval(render, 500);
  render();
})();
