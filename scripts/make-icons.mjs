#!/usr/bin/env node
// Draws Spalla's icon (a white "S" of two half-rings on a teal rounded square) as PNGs
// into public/icon/. Run again after changing the drawing; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Coverage of the shape at a point of the unit square (0..1). */
function shape(x, y) {
  // Rounded square background.
  const r = 0.22, m = 0.02;
  const dx = Math.max(m + r - x, 0, x - (1 - m - r));
  const dy = Math.max(m + r - y, 0, y - (1 - m - r));
  if (dx * dx + dy * dy > r * r) return 0;
  // The "S": upper half-ring open to the right-bottom, lower half-ring open to the left-top.
  const ring = (cx, cy, inner, outer) => {
    const d = Math.hypot(x - cx, y - cy);
    return d >= inner && d <= outer;
  };
  const upper = ring(0.5, 0.355, 0.1, 0.2) && !(x > 0.5 && y > 0.31 && y < 0.5);
  const lower = ring(0.5, 0.645, 0.1, 0.2) && !(x < 0.5 && y > 0.5 && y < 0.69);
  return upper || lower ? 2 : 1;
}

function png(size) {
  const rows = [];
  const ss = 4;
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let bg = 0, fg = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const v = shape((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (v === 1) bg++;
          if (v === 2) fg++;
        }
      const total = ss * ss, a = (bg + fg) / total, w = fg / Math.max(1, bg + fg);
      const teal = [15, 118, 110];
      const o = 1 + px * 4;
      for (let i = 0; i < 3; i++) row[o + i] = Math.round(teal[i] * (1 - w) + 255 * w);
      row[o + 3] = Math.round(a * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; header[10] = 0; header[11] = 0; header[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
console.log('icons written to public/icon/');
