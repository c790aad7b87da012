// Greenroom's latency meter: reads the clock code (clock-code.js) from every decoded frame of a
// <video> and turns "now - time in the frame" into live figures.
// - FrameReader calls back once per new frame (requestVideoFrameCallback where the browser has
//   it, else once per animation frame when the video has moved on). It draws the frame into a
//   small canvas (320 px wide: the blocks stay 20 px wide, and the copy is cheap) and decodes it.
// - Stats keeps a sliding window of figures: current, median, p95, min, max.
// - syncClock estimates this browser's offset from Greenroom's clock with a few HTTP round
//   trips, keeping the one with the shortest round trip: the error is at most half of it.
// - Meter puts them together, with counters of frames, decode failures and garbled frames.
(function (root) {
  'use strict';

  var READ_WIDTH = 320;
  var WINDOW = 300;

  function FrameReader(video, onFrame) {
    this.video = video;
    this.onFrame = onFrame;
    this.canvas = document.createElement('canvas');
    this.ctx = this.canvas.getContext('2d', { willReadFrequently: true });
    this.running = false;
    this.lastTime = -1;
    this.usesFrameCallback = typeof video.requestVideoFrameCallback === 'function';
  }

  FrameReader.prototype.start = function () {
    this.running = true;
    this.schedule();
  };

  FrameReader.prototype.stop = function () {
    this.running = false;
  };

  FrameReader.prototype.schedule = function () {
    var self = this;
    if (!this.running) {
      return;
    }
    if (this.usesFrameCallback) {
      this.video.requestVideoFrameCallback(function (now, metadata) {
        self.read(metadata.expectedDisplayTime);
        self.schedule();
      });
    } else {
      requestAnimationFrame(function (now) {
        if (self.video.currentTime !== self.lastTime) {
          self.lastTime = self.video.currentTime;
          self.read(now);
        }
        self.schedule();
      });
    }
  };

  // displayAt: when the frame shows on screen, in performance.now() time.
  FrameReader.prototype.read = function (displayAt) {
    if (!this.running) {
      return;
    }
    var video = this.video;
    var vw = video.videoWidth;
    var vh = video.videoHeight;
    if (!vw || !vh) {
      return;
    }
    var started = performance.now();
    var w = Math.min(READ_WIDTH, vw);
    var h = Math.max(1, Math.round(w * vh / vw));
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
    }
    this.ctx.drawImage(video, 0, 0, w, h);
    var image = this.ctx.getImageData(0, 0, w, h);
    var copied = performance.now();
    var result = root.GreenroomClockCode.decode(image);
    var finished = performance.now();
    var shownAt = Date.now() + ((typeof displayAt === 'number') ? displayAt - finished : 0);
    this.onFrame({ result: result, shownAt: shownAt, readMs: finished - started, decodeMs: finished - copied,
      width: vw, height: vh });
  };

  function Stats(size) {
    this.size = size || WINDOW;
    this.values = [];
  }

  Stats.prototype.add = function (value) {
    this.values.push(value);
    if (this.values.length > this.size) {
      this.values.shift();
    }
  };

  Stats.prototype.clear = function () {
    this.values = [];
  };

  // Nearest-rank percentile of the window, p in 0..100.
  function percentile(sorted, p) {
    if (!sorted.length) {
      return null;
    }
    var rank = Math.max(1, Math.ceil(p / 100 * sorted.length));
    return sorted[rank - 1];
  }

  Stats.prototype.summary = function () {
    var sorted = this.values.slice().sort(function (a, b) { return a - b; });
    return {
      count: sorted.length,
      current: this.values.length ? this.values[this.values.length - 1] : null,
      median: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      min: sorted.length ? sorted[0] : null,
      max: sorted.length ? sorted[sorted.length - 1] : null
    };
  };

  // Resolves {offset, uncertainty, rtt} in ms: add offset to Date.now() to get Greenroom's time;
  // the true offset is within +/- uncertainty. url answers {"now": epoch ms}.
  function syncClock(url, rounds) {
    rounds = rounds || 8;
    var best = null;
    function once() {
      var sentAt = performance.now();
      return fetch(url, { cache: 'no-store', credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('time endpoint answered ' + response.status);
          }
          return response.json();
        })
        .then(function (body) {
          var receivedAt = performance.now();
          var rtt = receivedAt - sentAt;
          var localMidpoint = Date.now() - rtt / 2;
          if (!best || rtt < best.rtt) {
            // The server's figure is whole milliseconds: up to 1 ms more.
            best = { offset: body.now + 0.5 - localMidpoint, uncertainty: rtt / 2 + 0.5, rtt: rtt };
          }
        });
    }
    var chain = Promise.resolve();
    for (var i = 0; i < rounds; i++) {
      chain = chain.then(once);
    }
    return chain.then(function () { return best; });
  }

  // Watches a video. options: {onUpdate(meter), clock: {offset, uncertainty} or null}.
  function Meter(options) {
    this.options = options || {};
    this.stats = new Stats(this.options.window);
    this.clock = this.options.clock || null;
    this.reset();
    this.reader = null;
  }

  Meter.prototype.reset = function () {
    this.stats.clear();
    this.frames = 0;
    this.decoded = 0;
    this.failures = 0;
    this.garbled = 0;
    this.repeats = 0;
    this.readMsTotal = 0;
    this.readMsMax = 0;
    this.decodeMsTotal = 0;
    this.decodeMsMax = 0;
    this.lastTime = null;
    this.lastResult = null;
    this.synced = null;
    this.publisherUncertainty = 0;
    this.resolution = null;
  };

  Meter.prototype.attach = function (video) {
    var self = this;
    if (this.reader && this.reader.video === video) {
      return;
    }
    this.detach();
    this.reader = new FrameReader(video, function (frame) {
      self.frame(frame);
    });
    this.reader.start();
  };

  Meter.prototype.detach = function () {
    if (this.reader) {
      this.reader.stop();
      this.reader = null;
    }
  };

  Meter.prototype.frame = function (frame) {
    var result = frame.result;
    this.frames++;
    this.readMsTotal += frame.readMs;
    this.readMsMax = Math.max(this.readMsMax, frame.readMs);
    this.decodeMsTotal += frame.decodeMs;
    this.decodeMsMax = Math.max(this.decodeMsMax, frame.decodeMs);
    this.resolution = frame.width + 'x' + frame.height;
    this.lastResult = result;
    if (result.status === 'none') {
      this.failures++;
    } else if (result.status === 'garbled') {
      this.garbled++;
    } else if (result.time === this.lastTime) {
      this.repeats++;
    } else {
      this.decoded++;
      this.lastTime = result.time;
      this.synced = result.synced;
      this.publisherUncertainty = result.uncertaintyMs;
      // A clock synced to Greenroom is compared with this browser's Greenroom time; an unsynced
      // one is taken to share this browser's clock (same machine).
      var offset = (result.synced && this.clock) ? this.clock.offset : 0;
      this.stats.add(frame.shownAt + offset - result.time);
    }
    if (this.options.onUpdate) {
      this.options.onUpdate(this);
    }
  };

  // How far the figures can be off because of the clocks, in ms, or null if unknown.
  Meter.prototype.accuracy = function () {
    if (this.synced === null) {
      return null;
    }
    if (!this.synced) {
      return 0;
    }
    return this.clock ? this.clock.uncertainty + this.publisherUncertainty : null;
  };

  Meter.prototype.summary = function () {
    var s = this.stats.summary();
    s.frames = this.frames;
    s.decoded = this.decoded;
    s.failures = this.failures;
    s.garbled = this.garbled;
    s.repeats = this.repeats;
    s.readMsMean = this.frames ? this.readMsTotal / this.frames : null;
    s.readMsMax = this.readMsMax;
    s.decodeMsMean = this.frames ? this.decodeMsTotal / this.frames : null;
    s.decodeMsMax = this.decodeMsMax;
    s.accuracy = this.accuracy();
    s.synced = this.synced;
    s.resolution = this.resolution;
    return s;
  };

  // A line of the window's figures on a canvas, with the median dashed. No library.
  function drawChart(canvas, values, median) {
    var ctx = canvas.getContext('2d');
    var w = canvas.width;
    var h = canvas.height;
    ctx.clearRect(0, 0, w, h);
    if (!values.length) {
      return;
    }
    var top = Math.max(100, Math.max.apply(null, values) * 1.15);
    var bottom = Math.min(0, Math.min.apply(null, values));
    var y = function (v) { return h - 4 - (v - bottom) / (top - bottom) * (h - 8); };
    ctx.strokeStyle = '#d9dee6';
    ctx.fillStyle = '#5b6575';
    ctx.font = '11px system-ui, sans-serif';
    var step = top > 2000 ? 1000 : top > 500 ? 250 : 50;
    for (var g = 0; g <= top; g += step) {
      ctx.beginPath();
      ctx.moveTo(0, y(g));
      ctx.lineTo(w, y(g));
      ctx.stroke();
      ctx.fillText(g + ' ms', 2, y(g) - 2);
    }
    if (median !== null && median !== undefined) {
      ctx.setLineDash([4, 4]);
      ctx.strokeStyle = '#1f7a4d';
      ctx.beginPath();
      ctx.moveTo(0, y(median));
      ctx.lineTo(w, y(median));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.strokeStyle = '#14332a';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    var dx = w / Math.max(1, WINDOW - 1);
    var x0 = w - (values.length - 1) * dx;
    values.forEach(function (v, i) {
      if (i === 0) {
        ctx.moveTo(x0, y(v));
      } else {
        ctx.lineTo(x0 + i * dx, y(v));
      }
    });
    ctx.stroke();
    ctx.lineWidth = 1;
  }

  root.GreenroomMeter = {
    FrameReader: FrameReader,
    Stats: Stats,
    Meter: Meter,
    syncClock: syncClock,
    drawChart: drawChart,
    percentile: percentile
  };
})(typeof window !== 'undefined' ? window : this);
