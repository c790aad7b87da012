// The producer's setup check. Two uses:
//  - the OME config page's "Check what OME advertises" button: a short WHIP session from this
//    browser on the reserved check slot, whose answer (SDP and Link header) is posted back to
//    Greenroom for judging;
//  - the /check page: publish a test pattern over WHIP, play it back through the public address
//    with players.js as a viewer would, and report each step in plain words.
(function () {
  'use strict';

  // Every peer connection this page makes, so the check can read which path the player's media took.
  var connections = [];
  if (window.RTCPeerConnection) {
    var Native = window.RTCPeerConnection;
    var Recorded = function (config) {
      var pc = new Native(config);
      // The TURN relays this connection was given, and every relay the browser failed to reach.
      pc.greenroomRelays = turnUrls(config);
      pc.greenroomRelayErrors = [];
      pc.addEventListener('icecandidateerror', function (event) {
        if (/^turns?:/i.test(event.url || '')) {
          pc.greenroomRelayErrors.push({ url: event.url, code: event.errorCode, text: event.errorText || '' });
        }
      });
      connections.push(pc);
      return pc;
    };
    Recorded.prototype = Native.prototype;
    Object.keys(Native).forEach(function (key) { Recorded[key] = Native[key]; });
    Recorded.generateCertificate = Native.generateCertificate;
    window.RTCPeerConnection = Recorded;
  }

  function turnUrls(config) {
    var urls = [];
    ((config && config.iceServers) || []).forEach(function (server) {
      [].concat(server.urls || server.url || []).forEach(function (url) {
        if (/^turns?:/i.test(url)) {
          urls.push(url);
        }
      });
    });
    return urls;
  }

  // "host:port" of a TURN URL such as turn:203.0.113.10:3478?transport=tcp.
  function relayAddress(url) {
    return url.replace(/^turns?:/i, '').replace(/\?.*$/, '');
  }

  // Whether the given connections were sent to a TURN relay this browser never reached:
  // {url, why} of the first such relay, or null when every relay answered (or none was given).
  // A relay counts as reached once the browser holds a relay candidate from it.
  function unreachedRelay(pcs) {
    var given = pcs.filter(function (pc) { return pc.greenroomRelays && pc.greenroomRelays.length; });
    return Promise.all(given.map(function (pc) {
      var stats = pc.signalingState === 'closed' ? Promise.resolve(null) : pc.getStats().catch(function () { return null; });
      return stats.then(function (report) {
        var reached = false;
        if (report) {
          report.forEach(function (entry) {
            if (entry.type === 'local-candidate' && entry.candidateType === 'relay') {
              reached = true;
            }
          });
        }
        if (reached) {
          return null;
        }
        var error = pc.greenroomRelayErrors[0];
        if (!error && report === null) {
          return null; // closed before its candidates could be read, and no error seen
        }
        return {
          url: error ? error.url : pc.greenroomRelays[0],
          why: error ? (error.text || 'error ' + error.code) + (error.text && error.code ? ' (' + error.code + ')' : '')
            : 'no answer'
        };
      });
    })).then(function (found) {
      return found.filter(function (item) { return item; })[0] || null;
    });
  }

  var BITS = 20;
  var WIDTH = 320;
  var HEIGHT = 180;
  var CELL = WIDTH / BITS;
  var CODE_HEIGHT = 24;

  // A moving test pattern whose top row encodes this page's clock (ms, 20 bits) in black and
  // white cells, so the played-back frame tells how old it is.
  function testPattern() {
    var canvas = document.createElement('canvas');
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    var g = canvas.getContext('2d');
    var frame = 0;
    function draw() {
      var now = Math.round(performance.now()) & ((1 << BITS) - 1);
      g.fillStyle = '#1d3b2a';
      g.fillRect(0, 0, WIDTH, HEIGHT);
      for (var i = 0; i < BITS; i++) {
        g.fillStyle = ((now >> (BITS - 1 - i)) & 1) ? '#ffffff' : '#000000';
        g.fillRect(i * CELL, 0, CELL, CODE_HEIGHT);
      }
      g.fillStyle = '#8fd19e';
      g.fillRect((frame * 4) % WIDTH, 60, 40, 40);
      g.fillStyle = '#ffffff';
      g.font = '20px sans-serif';
      g.fillText('Greenroom setup check', 40, 150);
      frame++;
    }
    draw();
    var timer = setInterval(draw, 33);
    var stream = canvas.captureStream(30);
    return { stream: stream, stop: function () { clearInterval(timer); stream.getTracks().forEach(function (t) { t.stop(); }); } };
  }

  // How old the frame on show in a video element is, in ms, or null when unreadable.
  var reader = null;
  function frameAge(video) {
    if (!video || video.readyState < 2 || !video.videoWidth) {
      return null;
    }
    reader = reader || document.createElement('canvas');
    reader.width = WIDTH;
    reader.height = CODE_HEIGHT;
    var g = reader.getContext('2d', { willReadFrequently: true });
    g.drawImage(video, 0, 0, video.videoWidth, video.videoHeight * CODE_HEIGHT / HEIGHT, 0, 0, WIDTH, CODE_HEIGHT);
    var pixels = g.getImageData(0, 0, WIDTH, CODE_HEIGHT).data;
    var value = 0;
    for (var i = 0; i < BITS; i++) {
      var x = Math.round(i * CELL + CELL / 2);
      var at = ((CODE_HEIGHT / 2) * WIDTH + x) * 4;
      var light = (pixels[at] + pixels[at + 1] + pixels[at + 2]) / 3;
      if (light > 60 && light < 195) {
        return null; // not the pattern (yet)
      }
      value = (value << 1) | (light >= 128 ? 1 : 0);
    }
    var now = Math.round(performance.now()) & ((1 << BITS) - 1);
    var age = (now - value + (1 << BITS)) % (1 << BITS);
    return age < 10000 ? age : null;
  }

  // Which path a peer connection's media took: {udp: bool, relay: bool, protocol, address}.
  function mediaPath(pc) {
    return pc.getStats().then(function (report) {
      var pair = null;
      report.forEach(function (entry) {
        if (entry.type === 'transport' && entry.selectedCandidatePairId && report.get(entry.selectedCandidatePairId)) {
          pair = report.get(entry.selectedCandidatePairId);
        }
      });
      if (!pair) {
        report.forEach(function (entry) {
          if (entry.type === 'candidate-pair' && entry.state === 'succeeded' && (entry.nominated || !pair)) {
            pair = entry;
          }
        });
      }
      if (!pair) {
        return null;
      }
      var local = report.get(pair.localCandidateId) || {};
      var remote = report.get(pair.remoteCandidateId) || {};
      var relay = local.candidateType === 'relay' || remote.candidateType === 'relay';
      return {
        relay: relay,
        relayUrl: local.url || null,
        udp: !relay && (remote.protocol || local.protocol) === 'udp',
        address: (remote.address || remote.ip || '?') + ':' + remote.port
      };
    });
  }

  function csrf(form) {
    var input = form.querySelector('input[name="_csrf"]');
    return input ? { name: input.name, value: input.value } : null;
  }

  function post(url, token, body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (token) {
      headers['X-CSRF-TOKEN'] = token.value;
    }
    return fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(body || {}), credentials: 'same-origin' })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok) {
            var error = new Error(json.detail || ('Greenroom answered ' + response.status));
            error.status = response.status;
            throw error;
          }
          return json;
        });
      });
  }

  // The OME config page's button.
  function advertisedButton(form) {
    var progress = document.getElementById('advertised-progress');
    form.addEventListener('submit', function (event) {
      if (form.dataset.ready === 'yes') {
        return;
      }
      event.preventDefault();
      form.querySelector('button').disabled = true;
      progress.textContent = 'Asking OME…';
      var pattern = null;
      var publisher = null;
      function send(fields) {
        Object.keys(fields).forEach(function (name) { form.elements[name].value = fields[name] || ''; });
        form.dataset.ready = 'yes';
        form.submit();
      }
      post(form.dataset.session, csrf(form)).then(function (session) {
        pattern = testPattern();
        publisher = new WhipPublisher({ url: session.whipUrl, bitrateKbps: 300 });
        return publisher.start(pattern.stream);
      }).then(function () {
        var fields = { answer: publisher.answer, link: publisher.link };
        return publisher.stop().then(function () { pattern.stop(); send(fields); });
      }).catch(function (error) {
        if (pattern) {
          pattern.stop();
        }
        send({ failure: 'The check could not get an answer from OME: ' + error.message });
      });
    });
  }

  var VERDICTS = {
    PUBLIC_HOST: 'matches the public host',
    PRIVATE: 'private address: viewers outside this network cannot reach it',
    LOOPBACK: 'loopback address: only this machine can reach it',
    DIFFERENT: 'differs from the address the public host name resolves to',
    UNKNOWN: 'cannot be compared: the public host name does not resolve'
  };

  // The /check page.
  function checkPage(root) {
    var token = csrf(root);
    var list = document.getElementById('check-steps');
    var box = document.getElementById('check-player');
    var button = document.getElementById('check-start');
    var result = window.greenroomCheck = { done: false, steps: {} };

    function step(id, ok, text, fix) {
      var item = document.getElementById('step-' + id);
      if (!item) {
        item = document.createElement('li');
        item.id = 'step-' + id;
        list.appendChild(item);
      }
      item.className = ok === true ? 'ok' : ok === false ? 'failed' : 'pending';
      item.textContent = (ok === true ? '✔ ' : ok === false ? '✘ ' : '… ') + text;
      if (fix) {
        var help = document.createElement('div');
        help.className = 'hint';
        help.textContent = fix;
        item.appendChild(help);
      }
      result.steps[id] = { ok: ok, text: text };
    }

    function wait(ms) {
      return new Promise(function (resolve) { setTimeout(resolve, ms); });
    }

    function until(test, timeoutMs) {
      var start = performance.now();
      return new Promise(function (resolve) {
        (function poll() {
          var value = test();
          if (value || performance.now() - start > timeoutMs) {
            resolve(value || null);
          }
          else {
            setTimeout(poll, 50);
          }
        })();
      });
    }

    function run() {
      button.disabled = true;
      list.innerHTML = '';
      box.innerHTML = '';
      result.done = false;
      result.steps = {};
      var pattern = null;
      var publisher = null;
      var player = null;
      var publisherPc = null;
      var finish = function () {
        result.done = true;
        button.disabled = false;
        if (player) {
          player.stop();
        }
        if (publisher) {
          publisher.stop();
        }
        if (pattern) {
          pattern.stop();
        }
      };
      step('signalling', null, 'Reaching OME\'s signalling…');
      post(root.dataset.session, token).then(function (session) {
        pattern = testPattern();
        publisher = new WhipPublisher({ url: session.whipUrl, bitrateKbps: 1000 });
        var started = publisher.start(pattern.stream);
        publisherPc = publisher.pc;
        return started.then(function () { return session; }, function (error) {
          if (error.kind === 'network') {
            step('signalling', false, 'Signalling not reached: this browser could not talk to OME at ' +
              new URL(session.whipUrl).host + '.', 'Check that OME runs, that Caddy forwards ' +
              root.dataset.signallingPath + ' to OME\'s port 3333 (or, without Caddy, that TCP 3333 is open), and the ' +
              'GREENROOM_PUBLIC_HOST setting. If another check is still on air, wait a minute and retry.');
          }
          else {
            step('signalling', true, 'Signalling reached: OME answered.');
            step('publish', false, 'Publish refused: ' + error.message, 'OME asks Greenroom before every ' +
              'publish. Check that OME runs the current Server.xml (OME config, Apply) and that OME can reach ' +
              'Greenroom\'s admission URL.');
          }
          throw error;
        });
      }).then(function (session) {
        step('signalling', true, 'Signalling reached: OME answered.');
        step('publish', true, 'Publish admitted: OME accepted the test pattern on ' + session.app + '/' + session.slot + '.');
        return post(root.dataset.advertised, token, { answer: publisher.answer, link: publisher.link }).then(function (report) {
          var bad = report.addresses.filter(function (a) { return a.verdict !== 'PUBLIC_HOST'; });
          var text = report.addresses.map(function (a) {
            return a.address + ':' + a.port + '/' + a.transport + ' (' + VERDICTS[a.verdict] + ')';
          }).join('; ');
          step('advertised', bad.length === 0 && report.addresses.length > 0,
            'OME advertises ' + (text || 'no address') + '.', bad.length === 0 ? null :
              'Set OME_HOST_IP to the public IP address of ' + report.publicHost + ' and restart OME.');
          result.advertisedWarning = bad.length > 0 || report.addresses.length === 0;
        }, function () {
          step('advertised', null, 'Could not judge the addresses OME advertises.');
        }).then(function () { return session; });
      }).then(function (session) {
        step('upload', null, 'Sending media to OME…');
        return until(function () { return publisher.state === 'connected' || publisher.state === 'failed'; }, 15000)
          .then(function () {
            if (publisher.state !== 'connected') {
              step('upload', false, 'Media from this browser never reached OME.', 'Open UDP 10000-10004 on the ' +
                'server\'s firewall, and set OME_HOST_IP to the server\'s public IP address.');
              throw new Error('upload');
            }
            return mediaPath(publisherPc).then(function (path) {
              step('upload', true, 'Media sent to OME' + (path ? ' over ' + (path.relay ? 'the TCP relay' : 'UDP') +
                ' (' + path.address + ')' : '') + '.');
              return session;
            });
          });
      }).then(function (session) {
        step('playback', null, 'Playing it back as a viewer would…');
        var before = connections.length;
        var startedAt = performance.now();
        player = new Greenroom.SlotPlayer(session.slot, box, session.playUrl, { controls: false, muted: true, volume: 0 });
        player.start();
        return until(function () {
          var video = box.querySelector('video');
          return video && video.readyState >= 2 && video.videoWidth > 0 && video.currentTime > 0 ? video : null;
        }, 20000).then(function (video) {
          var players = connections.slice(before).filter(function (pc) { return pc !== publisherPc; });
          if (!video) {
            return unreachedRelay(players).then(function (relay) {
              if (relay) {
                var address = relayAddress(relay.url);
                var port = address.replace(/^.*:/, '');
                step('relay', false, 'The TCP relay OME sends viewers to, ' + address + ', could not be reached from ' +
                  'this browser (' + relay.why + ').', 'Viewers receive media through this relay while OME forces TCP. ' +
                  'Open TCP ' + port + ' on the server\'s firewall and forward it to OME; GREENROOM_OME_TCP_RELAY_PORT ' +
                  'must be the port OME listens on and the one the outside reaches (docker-compose publishes it).');
                step('playback', false, 'No picture came back through the public address: the TCP relay is closed.');
              }
              else {
                step('playback', false, 'No picture came back through the public address within 20 s.',
                  'Viewers receive media over the TCP relay (port 3478) or UDP 10000-10004. Open TCP 3478 and UDP ' +
                  '10000-10004 on the firewall, and check that the relay OME advertises (above) carries the public ' +
                  'address (OME_HOST_IP).');
              }
              throw new Error('playback');
            });
          }
          var firstFrameMs = Math.round(performance.now() - startedAt);
          result.firstFrameMs = firstFrameMs;
          step('playback', true, 'First frame after ' + firstFrameMs + ' ms.');
          var pc = players[players.length - 1];
          var path = pc ? mediaPath(pc) : Promise.resolve(null);
          return path.then(function (found) {
            if (!found) {
              step('transport', null, 'Could not tell whether media came over UDP or the TCP relay.');
            }
            else if (found.relay) {
              result.transport = 'relay';
              step('transport', true, 'Media came only over the TCP relay' +
                (found.relayUrl ? ' (' + found.relayUrl.replace(/^turns?:/, '').replace(/\?.*$/, '') + ')' : '') + '. ' +
                'This is expected while OME forces TCP (GREENROOM_OME_TCP_FORCE=true); viewers whose networks block ' +
                'UDP still play.');
            }
            else {
              result.transport = 'udp';
              step('transport', true, 'Media came over UDP (' + found.address + ').');
              return unreachedRelay(players).then(function (relay) {
                if (relay) {
                  result.relayWarning = true;
                  step('relay', false, 'The TCP relay, ' + relayAddress(relay.url) + ', could not be reached from this ' +
                    'browser (' + relay.why + '): viewers whose networks block UDP will not play.',
                    'Open TCP ' + relayAddress(relay.url).replace(/^.*:/, '') + ' on the server\'s firewall and forward ' +
                    'it to OME.');
                }
              });
            }
          }).then(function () {
            return wait(1500).then(function () {
              var ages = [];
              return until(function () {
                var age = frameAge(video);
                if (age !== null) {
                  ages.push(age);
                }
                return ages.length >= 5;
              }, 3000).then(function () {
                if (ages.length === 0) {
                  step('latency', null, 'Glass-to-glass could not be read from the picture.');
                  return;
                }
                ages.sort(function (a, b) { return a - b; });
                result.glassToGlassMs = ages[Math.floor(ages.length / 2)];
                step('latency', true, 'Glass-to-glass about ' + result.glassToGlassMs +
                  ' ms (this browser to OME and back).');
              });
            });
          });
        });
      }).then(function () {
        result.ok = true;
        if (result.advertisedWarning) {
          step('summary', true, 'Playback works from this browser, but OME advertises an address viewers elsewhere ' +
            'may not reach (see above).');
        }
        else if (result.relayWarning) {
          step('summary', true, 'Playback works from this browser over UDP, but the TCP relay is closed (see above).');
        }
        else {
          step('summary', true, 'Everything works: viewers can watch through ' + root.dataset.publicHost + '.');
        }
        finish();
      }).catch(function (error) {
        result.ok = false;
        if (error && error.status === 409) {
          step('signalling', false, error.message);
        }
        finish();
      });
    }

    button.addEventListener('click', run);
    if (root.dataset.autostart === 'true') {
      run();
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('advertised-form');
    if (form) {
      advertisedButton(form);
    }
    var check = document.getElementById('check');
    if (check) {
      checkPage(check);
    }
  });
})();
