// The latency meter page: plays the slot with players.js (as the layout pages do), feeds every
// frame to GreenroomMeter, shows the figures and the chart, and can send the clock itself.
(function (root) {
  'use strict';

  function ms(value) {
    return (value === null || value === undefined) ? '–' : Math.round(value) + ' ms';
  }

  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  function start(config) {
    var meter = new GreenroomMeter.Meter({});
    root.greenroomMeter = meter;
    var stage = document.getElementById('stage');
    var offline = document.getElementById('offline');

    GreenroomMeter.syncClock(config.timeUrl).then(function (clock) {
      meter.clock = clock;
    }, function () {
      text('accuracy', 'Greenroom\'s time could not be read; only same-machine figures are right.');
    });

    var live = false;
    var player = null;
    var delayHint = document.getElementById('delay-hint');
    var transport = document.getElementById('transport');
    // The player for the chosen settings: playoutDelayHint (0 is ignored by OvenPlayer, so only
    // positive values are offered) and OME's TCP relay through the signalling URL's transport=tcp.
    function makePlayer() {
      var webrtcConfig = { connectionTimeout: 5000, timeoutMaxRetry: 2 };
      if (delayHint.value) {
        webrtcConfig.playoutDelayHint = Number(delayHint.value);
      }
      var source = config.source;
      if (transport.value) {
        source += (source.indexOf('?') >= 0 ? '&' : '?') + 'transport=' + transport.value;
      }
      player = new Greenroom.SlotPlayer(config.slot, stage, source, {
        controls: false,
        muted: true,
        webrtcConfig: webrtcConfig,
        onChange: function (playing) { offline.hidden = playing; }
      });
      if (live) {
        player.start();
      }
    }
    function settingsLabel() {
      return delayHint.options[delayHint.selectedIndex].text.split(' (')[0] + ', '
        + transport.options[transport.selectedIndex].text.split(' (')[0];
    }
    var shownSettings = settingsLabel();
    function changeSettings() {
      var s = meter.summary();
      if (s.decoded) {
        var row = document.createElement('tr');
        [shownSettings, String(s.decoded), ms(s.median), ms(s.p95), ms(s.max), String(s.garbled)]
          .forEach(function (value) {
            var cell = document.createElement('td');
            cell.textContent = value;
            row.appendChild(cell);
          });
        document.querySelector('#compare tbody').appendChild(row);
        document.getElementById('compare').hidden = false;
      }
      shownSettings = settingsLabel();
      player.stop();
      meter.detach();
      meter.reset();
      makePlayer();
    }
    delayHint.addEventListener('change', changeSettings);
    transport.addEventListener('change', changeSettings);
    makePlayer();
    Greenroom.follow(config.liveUrl, function (slots) {
      live = slots.indexOf(config.slot) >= 0;
      if (live) {
        player.start();
      } else {
        player.stop();
      }
    });

    // OvenPlayer makes its <video> when it plays: follow whichever one is there.
    setInterval(function () {
      var video = stage.querySelector('video');
      if (video) {
        meter.attach(video);
      } else {
        meter.detach();
      }
    }, 500);

    var chart = document.getElementById('chart');
    function render() {
      var s = meter.summary();
      text('current', ms(s.current));
      text('median', ms(s.median));
      text('p95', ms(s.p95));
      text('minmax', (s.min === null) ? '–' : ms(s.min) + ' / ' + ms(s.max));
      text('frames', s.frames + ((s.resolution) ? ' (' + s.resolution + ')' : '') + (s.repeats ? ', '
        + s.repeats + ' repeated' : ''));
      text('failures', String(s.failures));
      text('garbled', String(s.garbled));
      text('cost', (s.readMsMean === null) ? '–'
        : s.readMsMean.toFixed(1) + ' ms per frame, of which decoding ' + s.decodeMsMean.toFixed(2) + ' ms');
      if (s.synced === false) {
        text('accuracy', 'Same machine: no correction needed.');
      } else if (s.synced === true) {
        text('accuracy', (s.accuracy === null) ? 'Measuring Greenroom\'s time…'
          : 'Both corrected to Greenroom\'s time: figures good to ± ' + Math.ceil(s.accuracy) + ' ms.');
      } else if (meter.clock) {
        text('accuracy', 'This browser is within ± ' + Math.ceil(meter.clock.uncertainty)
          + ' ms of Greenroom\'s time.');
      }
      document.getElementById('clock-warning').hidden = !(s.min !== null && s.min < 0);
      var width = Math.round(chart.clientWidth * (root.devicePixelRatio || 1));
      if (width && chart.width !== width) {
        chart.width = width;
      }
      GreenroomMeter.drawChart(chart, meter.stats.values, s.median);
    }
    setInterval(render, 250);
    document.getElementById('reset').addEventListener('click', function () {
      meter.reset();
      render();
    });

    startSender(config);
  }

  function startSender(config) {
    var send = document.getElementById('send');
    var stopButton = document.getElementById('send-stop');
    var status = document.getElementById('send-status');
    var preview = document.getElementById('send-preview');
    var sizes = document.getElementById('send-size');
    var clock = null;
    var publication = null;

    function stop() {
      if (publication) {
        publication.stop();
        publication = null;
      }
      if (clock) {
        clock.stop();
        clock = null;
      }
      preview.hidden = true;
      send.hidden = false;
      stopButton.hidden = true;
    }

    send.addEventListener('click', function () {
      var size = sizes.value.split('x');
      preview.width = Number(size[0]);
      preview.height = Number(size[1]);
      preview.hidden = false;
      send.hidden = true;
      stopButton.hidden = false;
      status.textContent = 'Connecting…';
      clock = GreenroomClock.start(preview, { clock: null });
      var stream = preview.captureStream(30);
      fetch(config.whipUrl, { credentials: 'same-origin', cache: 'no-store' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('Greenroom did not give the slot\'s WHIP address (HTTP ' + response.status + ').');
          }
          return response.json();
        })
        .then(function (target) { return GreenroomClock.publishTo(stream, target.url); })
        .then(function (published) {
          publication = published;
          status.textContent = 'Sending the clock. The player above starts when the slot is live.';
        }, function (error) {
          stop();
          status.textContent = 'Could not send: ' + error.message;
        });
    });
    stopButton.addEventListener('click', function () {
      stop();
      status.textContent = 'Stopped.';
    });
    root.addEventListener('pagehide', stop);
  }

  root.GreenroomLatencyPage = { start: start };
})(window);
