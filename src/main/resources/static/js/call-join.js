// Joining the call from the browser, for people holding the app's participant link (?join=…).
// Join takes a free slot for the typed name, publishes camera or screen to it with WhipPublisher,
// and shows the local preview as the joiner's own tile. Leave (or closing the tab) sends the WHIP
// DELETE and frees the slot. The slot's WHIP URL comes only from the seat endpoint's answer.
(function () {
  'use strict';

  var form = document.getElementById('join');
  var token = new URLSearchParams(window.location.search).get('join');
  if (!form || !token) {
    return;
  }
  var seatsUrl = form.dataset.seatsUrl;
  var nameInput = document.getElementById('join-name');
  var source = document.getElementById('join-source');
  var joinButton = document.getElementById('join-button');
  var leaveButton = document.getElementById('leave-button');
  var state = document.getElementById('join-state');
  var seat = null;
  var media = null;
  var publisher = null;
  var renewTimer = null;

  form.hidden = false;
  document.documentElement.classList.add('has-join');
  // The grid ends where the bar begins, however the bar wraps on a narrow screen.
  function fitGrid() {
    document.documentElement.style.setProperty('--join-height', form.offsetHeight + 'px');
  }
  fitGrid();
  if (window.ResizeObserver) {
    new ResizeObserver(fitGrid).observe(form);
  }
  window.addEventListener('resize', fitGrid);
  try {
    nameInput.value = window.localStorage.getItem('greenroom.call.name') || '';
  } catch (ignored) {
    // Storage may be off; the name is then typed each time.
  }

  function show(text, kind) {
    state.textContent = text;
    state.className = 'join-state' + (kind ? ' ' + kind : '');
  }

  function joining(busy) {
    joinButton.hidden = busy;
    leaveButton.hidden = !busy;
    nameInput.disabled = busy;
    source.disabled = busy;
  }

  fetch(seatsUrl + '?join=' + encodeURIComponent(token), { cache: 'no-store' })
    .then(function (response) { return response.json(); })
    .then(function (result) {
      if (result.valid === false) {
        joinButton.disabled = true;
        show(result.message, 'bad');
      }
      else {
        show(result.free === 0 ? 'Every seat is taken right now.' : result.free + (result.free === 1 ? ' seat' : ' seats') + ' free.');
      }
    }, function () {});

  function pickMedia() {
    if (source.value === 'screen') {
      if (!navigator.mediaDevices.getDisplayMedia) {
        return Promise.reject(new Error('This browser cannot share a screen. Use a desktop Chrome, Edge or Firefox'));
      }
      return navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 30 } }, audio: true });
    }
    return navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
      audio: true
    });
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body,
      cache: 'no-store'
    });
  }

  function leaveUrl(taken) {
    return seatsUrl + '/' + encodeURIComponent(taken.seat) + '/leave';
  }

  // Ends everything this page started; beacon=true while the tab is closing.
  function leave(message, kind, beacon) {
    clearInterval(renewTimer);
    renewTimer = null;
    if (publisher) {
      publisher.stop();
      publisher = null;
    }
    if (seat) {
      if (beacon && navigator.sendBeacon) {
        navigator.sendBeacon(leaveUrl(seat));
      }
      else {
        post(leaveUrl(seat), '').catch(function () {});
      }
      seat = null;
    }
    if (media) {
      media.getTracks().forEach(function (track) { track.stop(); });
      media = null;
    }
    window.GreenroomCall.hideSelf();
    joining(false);
    if (message) {
      show(message, kind);
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var name = nameInput.value.trim();
    if (!name) {
      show('Type your name first, so the others know who you are.', 'bad');
      nameInput.focus();
      return;
    }
    try {
      window.localStorage.setItem('greenroom.call.name', name);
    } catch (ignored) {
      // See above.
    }
    joining(true);
    show('Asking for your camera or screen…');
    pickMedia().then(function (stream) {
      media = stream;
      stream.getVideoTracks().forEach(function (track) {
        track.addEventListener('ended', function () { leave('You stopped sharing, so you left the call.'); });
      });
      show('Finding a free seat…');
      return post(seatsUrl, 'join=' + encodeURIComponent(token) + '&name=' + encodeURIComponent(name))
        .then(function (response) {
          return response.json().then(function (body) { return { status: response.status, body: body }; });
        });
    }, function (error) {
      throw new Error('No access to camera, microphone or screen: ' + error.message +
        '. Allow it in the browser\'s address bar and try again.');
    }).then(function (answer) {
      if (answer.status !== 201) {
        throw new Error(answer.body.message || ('The server answered ' + answer.status + '.'));
      }
      seat = answer.body;
      window.GreenroomCall.showSelf(seat.slot, seat.name, media);
      var taken = seat;
      renewTimer = setInterval(function () {
        post(seatsUrl + '/' + encodeURIComponent(taken.seat) + '/renew', '').catch(function () {});
      }, (seat.renewSeconds || 10) * 1000);
      publisher = new WhipPublisher({
        url: seat.whipUrl,
        bitrateKbps: seat.bitrateKbps,
        onState: function (name, detail) {
          if (name === 'connecting') {
            show(detail || 'Connecting…');
          }
          else if (name === 'connected') {
            show('You are in the call as ' + taken.name + '.', 'ok');
          }
          else if (name === 'failed' && publisher) {
            leave(detail || 'The connection failed.', 'bad');
          }
        }
      });
      return publisher.start(media);
    }).catch(function (error) {
      if (seat || media) {
        leave(error.message, 'bad');
      }
      else {
        joining(false);
        show(error.message, 'bad');
      }
    });
  });

  leaveButton.addEventListener('click', function () {
    leave('You left the call.');
  });

  window.addEventListener('pagehide', function () {
    if (seat || publisher) {
      leave(null, null, true);
    }
  });
})();
