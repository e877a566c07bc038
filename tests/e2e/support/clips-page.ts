import { request } from 'node:https';
import type { Page } from 'playwright-core';
import { clickEdgeTab, hostInfo, waitForHost } from './chromium-sidebar';

/** Makes the fixture server answer 403 for these image names (as an expired CDN
 * address does) to browsers whose User-Agent contains `ua`; no names = all answer again. */
export async function denyFixtureImages(port: number, ua: string, names: string[]): Promise<void> {
  const path = `/__fixture/control/deny-images?ua=${encodeURIComponent(ua)}&names=${encodeURIComponent(names.join(','))}`;
  await new Promise<void>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'GET', headers: { host: 'www.facebook.com' }, rejectUnauthorized: false },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`deny-images: ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Fetches a fixture image's bytes (what the server sends to anyone not denied). */
export async function fixtureImageBytes(port: number, host: string, path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host }, rejectUnauthorized: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Runs in the page: a point on the post's own link `key` (not a comment's), brought
 * into view, where a person's pointer comes into the post. The clip controls load when
 * the pointer or the focus first enters the posts (issue #16), so a test, like a person,
 * moves the pointer over the post before it looks for its control. */
export const POST_HOVER_POINT = `(key) => {
  // In the main column (a page's own navigation may link to the post too).
  const links = [...document.querySelectorAll('a[href*="' + key + '"]')].filter((a) => !a.href.includes('comment_id='));
  const link = links.find((a) => a.closest('main, [role="main"]')) || links[0];
  if (!link) return { error: 'no link ' + key };
  link.scrollIntoView({ block: 'center', behavior: 'instant' });
  const r = link.getBoundingClientRect();
  return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
}`;

/** Runs in the page: where a person clicks the clip control of the post whose permalink
 * link contains `key` (the button sits in the post's top corner, inside a closed shadow
 * root the driver cannot see into), checked by hit-testing it. */
export const CLIP_CONTROL_POINT = `(key) => {
  // The post is the element our clip control was put in: the nearest ancestor of the
  // post's own link (not a comment's "?comment_id=" link) with a <spalla-clip> child.
  // Independent of the adapter's markers: in Facebook's 2026 markup the post is not
  // always an article.
  const holder = (a) => {
    let el = a.parentElement;
    while (el && ![...el.children].some((c) => c.localName === 'spalla-clip')) el = el.parentElement;
    return el;
  };
  const links = [...document.querySelectorAll('a[href*="' + key + '"]')].filter((a) => !a.href.includes('comment_id='));
  const post = links.map(holder).find(Boolean) || null;
  if (!post) return { error: 'no post ' + key };
  const host = [...post.children].find((c) => c.localName === 'spalla-clip');
  if (!host) return { error: 'no clip control on ' + key };
  // Bring the post's top corner into view, below any sticky top bar.
  window.scrollBy({ top: host.getBoundingClientRect().top - 150, behavior: 'instant' });
  const r = host.getBoundingClientRect();
  const seen = [];
  for (let dx = 56; dx < 110; dx += 4) {
    const x = r.right - dx, y = r.top + 18;
    const hit = document.elementFromPoint(x, y);
    if (hit === host) return { x, y, hover: { x: r.left + 20, y: r.top + 60 } };
    seen.push(hit ? hit.localName : null);
  }
  return { error: 'the clip control is not where a person would click it: ' + JSON.stringify({ top: r.top, right: r.right, seen: [...new Set(seen)] }) };
}`;

export const PWNED_FLAG = '__spallaPwned';

/** Runs in the library page: whether the card's thumbnail shows the very bytes stored for
 * that clip (the `blob:` URL's content against the `images` row of the same role, read
 * with the raw IndexedDB API). */
export const CARD_THUMBNAIL_STORED = `async (clipId) => {
  const img = document.querySelector('[data-testid="clips-card"][data-clip-id="' + clipId + '"] [data-testid="clips-card-thumbnail"]');
  if (!img) return { error: 'no thumbnail shown' };
  const shown = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('spalla');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const rows = await new Promise((resolve, reject) => {
    const r = db.transaction('images').objectStore('images').getAll();
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  db.close();
  const row = rows.find((i) => i.clipId === clipId && i.role === img.dataset.role);
  if (!row) return { error: 'no stored ' + img.dataset.role };
  const stored = new Uint8Array(await row.blob.arrayBuffer());
  return { role: row.role, same: shown.length > 0 && shown.length === stored.length && shown.every((b, i) => b === stored[i]) };
}`;

