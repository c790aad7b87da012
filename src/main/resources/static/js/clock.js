// The clock source: draws the time (clock-code.js) on a canvas on every animation frame, and
// can send that canvas to a slot from the browser over WHIP.
// - GreenroomClock.start(canvas, {clock}) draws until stop(); clock is {offset, uncertainty}
//   from GreenroomMeter.syncClock, or null to draw this machine's own time.
// - GreenroomClock.publishTo(stream, whipUrl) sends a MediaStream (canvas.captureStream) and
//   resolves {stop()}. WHIP is done by GreenroomClock.whip, one small function: the browser
//   publisher of the streamer page can take its place.
(function (root) {
  'use strict';

  function start(canvas, options) {
    options = options || {};
    var ctx = canvas.getContext('2d', { alpha: false });
    var running = true;
    var state = { clock: options.clock || null };
    function frame() {
      if (!running) {
        return;
      }
      var clock = state.clock;
      var now = Math.round(Date.now() + (clock ? clock.offset : 0));
      root.GreenroomClockCode.draw(ctx, canvas.width, canvas.height, now,
        { synced: !!clock, uncertaintyMs: clock ? clock.uncertainty : 0 });
      requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);
    return {
      setClock: function (clock) { state.clock = clock; },
      stop: function () { running = false; }
    };
  }

  function waitForIce(pc, timeoutMs) {
    return new Promise(function (resolve) {
      if (pc.iceGatheringState === 'complete') {
        resolve();
        return;
      }
      var timer = setTimeout(resolve, timeoutMs);
      pc.addEventListener('icegatheringstatechange', function () {
        if (pc.iceGatheringState === 'complete') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  }

  // Minimal WHIP: POST the offer (with its candidates), apply the answer, DELETE the resource
  // on stop. Resolves {pc, stop()}; rejects with an Error whose message says what failed.
  function whip(url, stream) {
    var pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
    stream.getTracks().forEach(function (track) {
      pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
    });
    var resource = null;
    return pc.createOffer()
      .then(function (offer) { return pc.setLocalDescription(offer); })
      .then(function () { return waitForIce(pc, 2000); })
      .then(function () {
        return fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/sdp' },
          body: pc.localDescription.sdp
        });
      })
      .then(function (response) {
        if (response.status !== 201 && response.status !== 200) {
          throw new Error(response.status === 409
            ? 'Someone is already streaming to this slot.'
            : 'The media server refused the stream (HTTP ' + response.status + ').');
        }
        var location = response.headers.get('Location');
        resource = location ? new URL(location, url).href : null;
        return response.text();
      })
      .then(function (answer) { return pc.setRemoteDescription({ type: 'answer', sdp: answer }); })
      .then(function () {
        return {
          pc: pc,
          stop: function () {
            pc.close();
            if (resource) {
              fetch(resource, { method: 'DELETE' }).catch(function () { /* the server times it out */ });
            }
          }
        };
      }, function (error) {
        pc.close();
        throw (error instanceof TypeError) ? new Error('The media server could not be reached.') : error;
      });
  }

  function publishTo(stream, whipUrl) {
    return root.GreenroomClock.whip(whipUrl, stream);
  }

  root.GreenroomClock = { start: start, publishTo: publishTo, whip: whip };
})(typeof window !== 'undefined' ? window : this);
