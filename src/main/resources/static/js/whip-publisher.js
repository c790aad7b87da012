// WhipPublisher: publishes a MediaStream to a WHIP endpoint (RFC 9725) with the browser's own WebRTC.
// Reusable: the streamer page, the call page, the latency meter and the setup check all use it.
//
//   var publisher = new WhipPublisher({ url: whipUrl, bitrateKbps: 2500, onState: function (state, detail) {} });
//   publisher.start(mediaStream).then(...);   // states: connecting, connected, failed, stopped
//   publisher.stats().then(function (s) { s.bitrateKbps; s.codec; });
//   publisher.stop();                          // sends the WHIP DELETE
//   publisher.answer, publisher.link           // OME's answer SDP and Link header (ICE servers), once started
(function (global) {
  'use strict';

  var ICE_GATHERING_TIMEOUT_MS = 2000;

  function WhipError(kind, status, message) {
    var error = new Error(message);
    error.kind = kind; // refused, busy, http, network
    error.status = status;
    return error;
  }

  // What a failed WHIP POST means, in words for a person.
  WhipPublisher.explain = function (status) {
    if (status === 401 || status === 403) {
      return 'Refused (' + status + '): the server did not accept this slot\'s secret. The link may be old, or the ' +
        'slot was turned off. Ask the producer for a new link.';
    }
    if (status === 409) {
      return 'Someone else is already on air in this slot (409). Stop the other stream (OBS or another tab) and try again.';
    }
    if (status === 404) {
      return 'The server does not know this slot (404). Ask the producer to check the app and slot.';
    }
    return 'The server answered ' + status + ' instead of starting the stream.';
  };

  WhipPublisher.NETWORK_HELP = 'Could not reach the media server, or it refused in a way the browser hides. ' +
    'Likely causes: the slot is already live or the secret was refused (the media server sends its errors without ' +
    'CORS headers, so the browser only sees a network error), the media server is down, or a firewall blocks it.';

  function WhipPublisher(options) {
    this.url = options.url;
    this.bitrateKbps = options.bitrateKbps || 0;
    this.onState = options.onState || function () {};
    this.iceServers = options.iceServers || [];
    this.pc = null;
    this.resource = null;
    this.lastStats = null;
    this.answer = null;
    this.link = null;
  }

  WhipPublisher.prototype.setState = function (state, detail) {
    this.state = state;
    this.onState(state, detail);
  };

  // H.264 first, so OME can pass it through untouched; WebRTC encoders never make B-frames.
  function preferH264(transceiver) {
    if (!transceiver.setCodecPreferences || !global.RTCRtpSender || !RTCRtpSender.getCapabilities) {
      return;
    }
    var capabilities = RTCRtpSender.getCapabilities('video');
    if (!capabilities) {
      return;
    }
    var h264 = capabilities.codecs.filter(function (c) { return /video\/h264/i.test(c.mimeType); });
    if (h264.length === 0) {
      return;
    }
    var rest = capabilities.codecs.filter(function (c) { return !/video\/h264/i.test(c.mimeType); });
    transceiver.setCodecPreferences(h264.concat(rest));
  }

  function gatheringComplete(pc) {
    if (pc.iceGatheringState === 'complete') {
      return Promise.resolve();
    }
    return new Promise(function (resolve) {
      var timer = setTimeout(resolve, ICE_GATHERING_TIMEOUT_MS);
      pc.addEventListener('icegatheringstatechange', function () {
        if (pc.iceGatheringState === 'complete') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  }

  WhipPublisher.prototype.start = function (stream) {
    var self = this;
    var pc = new RTCPeerConnection({ iceServers: this.iceServers, bundlePolicy: 'max-bundle' });
    this.pc = pc;
    this.setState('connecting');
    stream.getTracks().forEach(function (track) {
      var init = { direction: 'sendonly', streams: [stream] };
      if (track.kind === 'video' && self.bitrateKbps > 0) {
        init.sendEncodings = [{ maxBitrate: self.bitrateKbps * 1000 }];
      }
      var transceiver = pc.addTransceiver(track, init);
      if (track.kind === 'video') {
        preferH264(transceiver);
      }
    });
    pc.addEventListener('connectionstatechange', function () {
      if (pc !== self.pc) {
        return;
      }
      if (pc.connectionState === 'connected') {
        self.setState('connected');
      }
      else if (pc.connectionState === 'failed') {
        self.setState('failed', 'The media connection failed after the server accepted the stream: UDP may be ' +
          'blocked on this network. Try another network, or OBS over RTMP.');
      }
      else if (pc.connectionState === 'disconnected') {
        self.setState('connecting', 'Connection interrupted, trying to recover…');
      }
    });
    return pc.createOffer()
      .then(function (offer) { return pc.setLocalDescription(offer); })
      .then(function () { return gatheringComplete(pc); })
      .then(function () {
        return fetch(self.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/sdp' },
          body: pc.localDescription.sdp
        }).catch(function () {
          throw WhipError('network', 0, WhipPublisher.NETWORK_HELP);
        });
      })
      .then(function (response) {
        if (response.status !== 201 && response.status !== 200) {
          var kind = (response.status === 401 || response.status === 403) ? 'refused'
            : (response.status === 409) ? 'busy' : 'http';
          throw WhipError(kind, response.status, WhipPublisher.explain(response.status));
        }
        var location = response.headers.get('Location');
        self.resource = location ? new URL(location, self.url).toString() : null;
        self.link = response.headers.get('Link');
        return response.text();
      })
      .then(function (answer) {
        self.answer = answer;
        return pc.setRemoteDescription({ type: 'answer', sdp: answer });
      })
      .catch(function (error) {
        self.close();
        self.setState('failed', error.message);
        throw error;
      });
  };

  // Bytes sent per second since the last call, and the codec in use.
  WhipPublisher.prototype.stats = function () {
    var self = this;
    if (!this.pc) {
      return Promise.resolve(null);
    }
    return this.pc.getStats().then(function (report) {
      var bytes = 0;
      var codecId = null;
      var codec = null;
      report.forEach(function (entry) {
        if (entry.type === 'outbound-rtp' && !entry.isRemote) {
          bytes += entry.bytesSent || 0;
          if (entry.kind === 'video') {
            codecId = entry.codecId;
          }
        }
      });
      if (codecId && report.get(codecId)) {
        codec = report.get(codecId).mimeType.replace(/^video\//i, '');
      }
      var now = performance.now();
      var result = { bitrateKbps: null, codec: codec, bytesSent: bytes };
      if (self.lastStats && now > self.lastStats.at) {
        result.bitrateKbps = Math.round((bytes - self.lastStats.bytes) * 8 / (now - self.lastStats.at));
      }
      self.lastStats = { bytes: bytes, at: now };
      return result;
    });
  };

  WhipPublisher.prototype.close = function () {
    if (this.pc) {
      this.pc.close();
      this.pc = null;
    }
    this.lastStats = null;
  };

  // Ends the session: WHIP DELETE on the resource (kept alive while the page unloads), then closes.
  WhipPublisher.prototype.stop = function () {
    var resource = this.resource;
    this.resource = null;
    this.close();
    this.setState('stopped');
    if (!resource) {
      return Promise.resolve();
    }
    return fetch(resource, { method: 'DELETE', keepalive: true }).then(function () {}, function () {});
  };

  global.WhipPublisher = WhipPublisher;
})(window);
