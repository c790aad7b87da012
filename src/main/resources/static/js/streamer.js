// The streamer page: live check polling, and going live from the browser with WhipPublisher.
(function () {
  'use strict';

  var page = document.getElementById('streamer');
  if (!page) {
    return;
  }
  var statusUrl = page.dataset.statusUrl;
  var whipUrl = page.dataset.whipUrl;
  var bitrateKbps = parseInt(page.dataset.bitrate, 10) || 2500;
  var check = document.getElementById('live-check');
  var warnings = document.getElementById('live-warnings');
  var preview = document.getElementById('preview');
  var startButton = document.getElementById('start');
  var stopButton = document.getElementById('stop');
  var state = document.getElementById('publish-state');
  var bitrate = document.getElementById('publish-bitrate');
  var media = null;
  var publisher = null;
  var statsTimer = null;

  function pollLiveCheck() {
    fetch(statusUrl, { cache: 'no-store', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        if (result.valid === false) {
          check.textContent = result.message;
          check.className = 'status bad';
          return;
        }
        check.textContent = result.message;
        check.className = result.live ? 'status ok' : 'status';
        warnings.innerHTML = '';
        (result.warnings || []).forEach(function (text) {
          var item = document.createElement('li');
          item.textContent = text;
          warnings.appendChild(item);
        });
        warnings.hidden = !result.warnings || result.warnings.length === 0;
      })
      .catch(function () {
        check.textContent = 'Cannot reach Greenroom to check; retrying.';
        check.className = 'status';
      })
      .then(function () { setTimeout(pollLiveCheck, 3000); });
  }

  function showState(text, kind) {
    state.textContent = text;
    state.className = 'status' + (kind ? ' ' + kind : '');
  }

  function useMedia(promise) {
    promise.then(function (stream) {
      if (media) {
        media.getTracks().forEach(function (track) { track.stop(); });
      }
      media = stream;
      preview.srcObject = stream;
      preview.hidden = false;
      startButton.disabled = publisher !== null;
      showState(publisher ? 'Sending.' : 'Ready: press Go live.');
      stream.getVideoTracks().forEach(function (track) {
        track.addEventListener('ended', function () { stop('You stopped sharing.'); });
      });
    }, function (error) {
      showState('No access to camera, microphone or screen: ' + error.message +
        '. Allow it in the browser\'s address bar and try again.', 'bad');
    });
  }

  document.getElementById('use-camera').addEventListener('click', function () {
    useMedia(navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 1920 }, height: { ideal: 1080 }, frameRate: { ideal: 30 } },
      audio: true
    }));
  });

  document.getElementById('use-screen').addEventListener('click', function () {
    if (!navigator.mediaDevices.getDisplayMedia) {
      showState('This browser cannot share a screen. Use a desktop Chrome, Edge or Firefox.', 'bad');
      return;
    }
    useMedia(navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 30 } }, audio: true }));
  });

  function start() {
    if (!media || publisher) {
      return;
    }
    startButton.disabled = true;
    stopButton.disabled = false;
    publisher = new WhipPublisher({
      url: whipUrl,
      bitrateKbps: bitrateKbps,
      onState: function (name, detail) {
        if (name === 'connecting') {
          showState(detail || 'Connecting…');
        }
        else if (name === 'connected') {
          showState('Connected: you are live.', 'ok');
        }
        else if (name === 'failed') {
          showState(detail || 'Failed.', 'bad');
        }
      }
    });
    statsTimer = setInterval(function () {
      if (!publisher) {
        return;
      }
      publisher.stats().then(function (stats) {
        if (stats && stats.bitrateKbps !== null) {
          bitrate.textContent = stats.bitrateKbps + ' kbit/s' + (stats.codec ? ' ' + stats.codec : '');
        }
      });
    }, 1000);
    publisher.start(media).catch(function () {
      clearInterval(statsTimer);
      publisher = null;
      startButton.disabled = false;
      stopButton.disabled = true;
    });
  }

  function stop(message) {
    clearInterval(statsTimer);
    if (publisher) {
      publisher.stop();
      publisher = null;
    }
    startButton.disabled = !media;
    stopButton.disabled = true;
    bitrate.textContent = '–';
    showState(message || 'Stopped.');
  }

  startButton.addEventListener('click', start);
  stopButton.addEventListener('click', function () { stop(); });
  window.addEventListener('pagehide', function () {
    if (publisher) {
      publisher.stop();
      publisher = null;
    }
  });

  pollLiveCheck();
})();
