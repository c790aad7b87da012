// The clock source: draws the time (clock-code.js) on a canvas on every animation frame, and
// can send that canvas to a slot from the browser over WHIP.
// - GreenroomClock.start(canvas, {clock}) draws until stop(); clock is {offset, uncertainty}
//   from GreenroomMeter.syncClock, or null to draw this machine's own time.
// - GreenroomClock.publishTo(stream, whipUrl) sends a MediaStream (canvas.captureStream) with
//   WhipPublisher from whip-publisher.js and resolves {stop()}.
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

  // Sends through WhipPublisher (whip-publisher.js), the one browser publisher the streamer
  // page uses too. Resolves {pc, stop()}; rejects with an Error whose message says what failed.
  function publishTo(stream, whipUrl) {
    var publisher = new root.WhipPublisher({ url: whipUrl });
    return publisher.start(stream).then(function () {
      return { pc: publisher.pc, stop: function () { publisher.stop(); } };
    });
  }

  root.GreenroomClock = { start: start, publishTo: publishTo };
})(typeof window !== 'undefined' ? window : this);
