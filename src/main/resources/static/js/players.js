// What every viewer page shares: follow which slots are live, and keep one OvenPlayer per
// live slot. A player is created when its slot goes live and removed when it drops. OME
// may not have the stream yet when Greenroom admits it, and OvenPlayer never redials after
// an error, so a player that fails while its slot is still live is created again after a
// short pause (250 ms, doubling up to 1 s). Nothing is ever played or reloaded on a timer.
(function () {
  'use strict';
  var RETRY_FIRST_MS = 250;
  var RETRY_MAX_MS = 1000;
  var created = 0;

  // Every page's players by slot name, for anyone inspecting the page.
  window.greenroomPlayers = {};

  function SlotPlayer(slot, box, source, options) {
    this.slot = slot;
    this.box = box;
    this.source = source;
    this.options = options;
    this.player = null;
    this.live = false;
    this.retryMs = RETRY_FIRST_MS;
    this.retryTimer = null;
  }

  SlotPlayer.prototype.start = function () {
    this.live = true;
    if (!this.player && !this.retryTimer) {
      this.create();
    }
  };

  SlotPlayer.prototype.stop = function () {
    this.live = false;
    this.retryMs = RETRY_FIRST_MS;
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.destroy();
  };

  // New volume or mute from a saved layout, applied to the running player without restarting it.
  SlotPlayer.prototype.setSound = function (volume, muted) {
    this.options.volume = volume;
    this.options.muted = muted;
    if (this.player) {
      this.player.setVolume(volume);
      this.player.setMute(!!muted);
    }
  };

  SlotPlayer.prototype.create = function () {
    var self = this;
    var element = document.createElement('div');
    element.id = 'player-' + (++created);
    element.className = 'player';
    this.box.appendChild(element);
    var options = this.options;
    var player = OvenPlayer.create(element.id, {
      sources: [{ type: 'webrtc', file: this.source }],
      autoStart: true,
      controls: options.controls,
      mute: options.muted,
      volume: options.volume,
      webrtcConfig: options.webrtcConfig || { connectionTimeout: 5000, timeoutMaxRetry: 2 }
    });
    this.player = player;
    window.greenroomPlayers[this.slot] = player;
    player.on('ready', function () {
      if (typeof options.volume === 'number') {
        player.setVolume(options.volume);
      }
      player.setMute(!!options.muted);
    });
    player.on('stateChanged', function (state) {
      if (state && state.newstate === 'playing') {
        self.retryMs = RETRY_FIRST_MS;
      }
    });
    player.on('error', function () {
      if (!self.live || self.player !== player) {
        return;
      }
      self.destroy();
      self.retryTimer = setTimeout(function () {
        self.retryTimer = null;
        if (self.live) {
          self.create();
        }
      }, self.retryMs);
      self.retryMs = Math.min(self.retryMs * 2, RETRY_MAX_MS);
    });
    if (options.onChange) {
      options.onChange(true);
    }
  };

  SlotPlayer.prototype.destroy = function () {
    if (this.player) {
      var player = this.player;
      this.player = null;
      delete window.greenroomPlayers[this.slot];
      try {
        player.remove();
      } catch (ignored) {
        // A player that failed half-way may not remove cleanly; its element goes below.
      }
    }
    Array.prototype.forEach.call(this.box.querySelectorAll('.player, .ovenplayer'), function (element) {
      element.remove();
    });
    if (this.options.onChange && !this.live) {
      this.options.onChange(false);
    }
  };

  // Calls onLive with the array of live slot names at once and after every change. The
  // browser's EventSource reconnects by itself, and each event carries the whole list.
  // onLayout, if given, gets {layout, newName} when the producer saves or deletes a layout.
  function follow(liveUrl, onLive, onLayout) {
    var source = new EventSource(liveUrl);
    source.addEventListener('live', function (event) {
      onLive(JSON.parse(event.data).live);
    });
    if (onLayout) {
      source.addEventListener('layout', function (event) {
        onLayout(JSON.parse(event.data));
      });
    }
    return source;
  }

  window.Greenroom = { SlotPlayer: SlotPlayer, follow: follow };
})();
