// Greenroom's clock code: a wall-clock time drawn as big black and white blocks that survive
// what video does to a picture (scaling, blur, compression), and read back from a decoded frame.
//
// The picture is a grid of 16 x 9 blocks that fills the whole frame (any size, any aspect):
// - the outer ring is a fixed guard pattern: black corners, the rest alternating black and white,
//   with left and right sides different so a mirrored picture is refused. The reader checks it
//   to know the grid is where it expects, and takes its black/white threshold from it;
// - rows 1-5, columns 1-14 hold 70 data blocks: 48 bits of milliseconds since the epoch, 6 bits
//   of metadata (whether the clock was synced to Greenroom's time, and how closely), and a
//   CRC-16 over both. A block that is neither clearly black nor clearly white, or a wrong CRC,
//   makes the frame "garbled": it is refused, never misread;
// - rows 6-7 carry the same time as text, for people.
// Uniform bars around the picture (letterboxing or pillarboxing by OBS) are trimmed first.
(function (root) {
  'use strict';

  var COLS = 16;
  var ROWS = 9;
  var DATA_ROW_FIRST = 1;
  var DATA_ROWS = 5;
  var DATA_COL_FIRST = 1;
  var DATA_COLS = 14;
  var TIME_BITS = 48;
  var META_BITS = 6;
  var CRC_BITS = 16;
  var UNCERTAINTY_STEP_MS = 4;
  var UNCERTAINTY_MAX = 31;
  var MIN_CONTRAST = 48;
  // A data block within this fraction of the contrast from the threshold is ambiguous.
  var AMBIGUOUS = 0.2;
  var BAR_RANGE = 24;

  function isRing(row, col) {
    return row === 0 || col === 0 || row === ROWS - 1 || col === COLS - 1;
  }

  function ringIsBlack(row, col) {
    if ((row === 0 || row === ROWS - 1) && (col === 0 || col === COLS - 1)) {
      return true;
    }
    return (row + col) % 2 === 0;
  }

  // CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF.
  function crc16(bytes) {
    var crc = 0xFFFF;
    for (var i = 0; i < bytes.length; i++) {
      crc ^= bytes[i] << 8;
      for (var bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
      }
    }
    return crc;
  }

  function payloadBytes(time, meta) {
    var bytes = [];
    for (var i = 5; i >= 0; i--) {
      bytes.push(Math.floor(time / Math.pow(2, 8 * i)) % 256);
    }
    bytes.push(meta);
    return bytes;
  }

  function meta(synced, uncertaintyMs) {
    var steps = Math.min(UNCERTAINTY_MAX, Math.max(0, Math.ceil((uncertaintyMs || 0) / UNCERTAINTY_STEP_MS)));
    return (synced ? 32 : 0) | steps;
  }

  // The 70 data bits, 1 meaning black: time (MSB first), metadata, CRC.
  function bits(time, synced, uncertaintyMs) {
    if (!(time >= 0 && time < Math.pow(2, TIME_BITS)) || Math.floor(time) !== time) {
      throw new RangeError('time must be whole milliseconds in 0 .. 2^48: ' + time);
    }
    var m = meta(synced, uncertaintyMs);
    var crc = crc16(payloadBytes(time, m));
    var out = [];
    var i;
    for (i = TIME_BITS - 1; i >= 0; i--) {
      out.push(Math.floor(time / Math.pow(2, i)) % 2);
    }
    for (i = META_BITS - 1; i >= 0; i--) {
      out.push((m >> i) & 1);
    }
    for (i = CRC_BITS - 1; i >= 0; i--) {
      out.push((crc >> i) & 1);
    }
    return out;
  }

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) {
      s = '0' + s;
    }
    return s;
  }

  // The time as people read it: local HH:MM:SS.mmm.
  function label(time) {
    var d = new Date(time);
    return pad(d.getHours(), 2) + ':' + pad(d.getMinutes(), 2) + ':' + pad(d.getSeconds(), 2) + '.'
      + pad(d.getMilliseconds(), 3);
  }

  function edge(index, cells, size) {
    return Math.round(index * size / cells);
  }

  // Draws the time on the whole of a 2D context of width x height.
  // options: {synced: boolean, uncertaintyMs: number, text: string (defaults to the time)}.
  function draw(ctx, width, height, time, options) {
    options = options || {};
    var data = bits(time, !!options.synced, options.uncertaintyMs);
    ctx.save();
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#000';
    for (var row = 0; row < ROWS; row++) {
      for (var col = 0; col < COLS; col++) {
        var black;
        if (isRing(row, col)) {
          black = ringIsBlack(row, col);
        } else if (row < DATA_ROW_FIRST + DATA_ROWS) {
          black = data[(row - DATA_ROW_FIRST) * DATA_COLS + (col - DATA_COL_FIRST)] === 1;
        } else {
          black = false;
        }
        if (black) {
          var x = edge(col, COLS, width);
          var y = edge(row, ROWS, height);
          ctx.fillRect(x, y, edge(col + 1, COLS, width) - x, edge(row + 1, ROWS, height) - y);
        }
      }
    }
    var tx = edge(DATA_COL_FIRST, COLS, width);
    var ty = edge(DATA_ROW_FIRST + DATA_ROWS, ROWS, height);
    var tw = edge(DATA_COL_FIRST + DATA_COLS, COLS, width) - tx;
    var th = edge(ROWS - 1, ROWS, height) - ty;
    var text = (options.text != null) ? options.text : label(time);
    ctx.beginPath();
    ctx.rect(tx, ty, tw, th);
    ctx.clip();
    var size = Math.floor(th * 0.7);
    ctx.font = '600 ' + size + 'px ui-monospace, Menlo, Consolas, monospace';
    var measured = ctx.measureText(text).width;
    if (measured > tw * 0.95) {
      size = Math.floor(size * tw * 0.95 / measured);
      ctx.font = '600 ' + size + 'px ui-monospace, Menlo, Consolas, monospace';
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, tx + tw / 2, ty + th / 2);
    ctx.restore();
  }

  function luminance(image, x, y) {
    var i = (y * image.width + x) * 4;
    var d = image.data;
    return (d[i] * 54 + d[i + 1] * 183 + d[i + 2] * 19) >> 8;
  }

  // True when the line of pixels from (x, y) stepping (dx, dy), n samples long, is one flat shade.
  function flat(image, x, y, dx, dy, n) {
    var min = 255;
    var max = 0;
    for (var i = 0; i < n; i++) {
      var v = luminance(image, Math.round(x + dx * i), Math.round(y + dy * i));
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max - min < BAR_RANGE;
  }

  // The rectangle inside any flat bars at the edges of the image.
  function findPicture(image) {
    var w = image.width;
    var h = image.height;
    var samples = 48;
    var top = 0;
    var bottom = h - 1;
    var left = 0;
    var right = w - 1;
    while (top < h * 0.45 && flat(image, 0, top, (w - 1) / (samples - 1), 0, samples)) {
      top++;
    }
    while (bottom > h * 0.55 && flat(image, 0, bottom, (w - 1) / (samples - 1), 0, samples)) {
      bottom--;
    }
    var span = bottom - top;
    while (left < w * 0.45 && flat(image, left, top, 0, span / (samples - 1), samples)) {
      left++;
    }
    while (right > w * 0.55 && flat(image, right, top, 0, span / (samples - 1), samples)) {
      right--;
    }
    return { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
  }

  // Mean luminance of the middle of one block, from 3 x 3 points at 30, 50 and 70 % across it.
  function block(image, picture, row, col) {
    var cw = picture.width / COLS;
    var ch = picture.height / ROWS;
    var sum = 0;
    for (var i = 0; i < 3; i++) {
      for (var j = 0; j < 3; j++) {
        var x = Math.floor(picture.x + (col + 0.3 + 0.2 * i) * cw);
        var y = Math.floor(picture.y + (row + 0.3 + 0.2 * j) * ch);
        sum += luminance(image, x, y);
      }
    }
    return sum / 9;
  }

  // Reads the time from an ImageData (or anything with width, height and RGBA data). Returns
  // {status: 'ok', time, synced, uncertaintyMs} or {status: 'none' | 'garbled', reason}:
  // 'none' when no clock is in the picture (guard ring missing, misaligned or too faint),
  // 'garbled' when the ring is right but the data is not (blended or damaged frame).
  function decode(image) {
    if (!image || image.width < COLS * 3 || image.height < ROWS * 3) {
      return { status: 'none', reason: 'picture too small' };
    }
    var picture = findPicture(image);
    if (picture.width < COLS * 3 || picture.height < ROWS * 3) {
      return { status: 'none', reason: 'picture too small' };
    }
    var blackSum = 0;
    var blackCount = 0;
    var whiteSum = 0;
    var whiteCount = 0;
    var ring = [];
    var row;
    var col;
    for (row = 0; row < ROWS; row++) {
      for (col = 0; col < COLS; col++) {
        if (isRing(row, col)) {
          var v = block(image, picture, row, col);
          var black = ringIsBlack(row, col);
          ring.push([v, black]);
          if (black) {
            blackSum += v;
            blackCount++;
          } else {
            whiteSum += v;
            whiteCount++;
          }
        }
      }
    }
    var blackLevel = blackSum / blackCount;
    var whiteLevel = whiteSum / whiteCount;
    var contrast = whiteLevel - blackLevel;
    if (contrast < MIN_CONTRAST) {
      return { status: 'none', reason: 'no guard ring' };
    }
    var threshold = (blackLevel + whiteLevel) / 2;
    for (var r = 0; r < ring.length; r++) {
      if ((ring[r][0] < threshold) !== ring[r][1]) {
        return { status: 'none', reason: 'guard ring does not match' };
      }
    }
    var margin = contrast * AMBIGUOUS;
    var data = [];
    for (row = DATA_ROW_FIRST; row < DATA_ROW_FIRST + DATA_ROWS; row++) {
      for (col = DATA_COL_FIRST; col < DATA_COL_FIRST + DATA_COLS; col++) {
        var value = block(image, picture, row, col);
        if (Math.abs(value - threshold) < margin) {
          return { status: 'garbled', reason: 'ambiguous block' };
        }
        data.push(value < threshold ? 1 : 0);
      }
    }
    var time = 0;
    var i;
    for (i = 0; i < TIME_BITS; i++) {
      time = time * 2 + data[i];
    }
    var m = 0;
    for (i = TIME_BITS; i < TIME_BITS + META_BITS; i++) {
      m = m * 2 + data[i];
    }
    var crc = 0;
    for (i = TIME_BITS + META_BITS; i < TIME_BITS + META_BITS + CRC_BITS; i++) {
      crc = crc * 2 + data[i];
    }
    if (crc !== crc16(payloadBytes(time, m))) {
      return { status: 'garbled', reason: 'checksum' };
    }
    return {
      status: 'ok',
      time: time,
      synced: (m & 32) !== 0,
      uncertaintyMs: (m & 31) * UNCERTAINTY_STEP_MS
    };
  }

  root.GreenroomClockCode = {
    COLS: COLS,
    ROWS: ROWS,
    DATA_BITS: TIME_BITS + META_BITS + CRC_BITS,
    bits: bits,
    crc16: crc16,
    draw: draw,
    decode: decode,
    label: label,
    // Where data bit n is drawn, for tests that damage one block.
    dataBlock: function (n) {
      return { row: DATA_ROW_FIRST + Math.floor(n / DATA_COLS), col: DATA_COL_FIRST + (n % DATA_COLS) };
    }
  };
})(typeof window !== 'undefined' ? window : this);
