/**
 * A synthetic learned model for the hashtag benchmarks: `tags` hashtags whose use
 * follows a Zipf law (a few very common tags, a long tail), and `pairs` distinct
 * co-occurrence pairs drawn the same way, each stored in both rows as the model keeps
 * them, at most MAX_COOCCURS_PER_TAG per tag.
 *
 * Self-contained (no imports, no closures) on purpose: the Chromium benchmark sends
 * its source to the extension's service worker and runs it there.
 */
export function makeSyntheticRows(seed: number, tags: number, pairs: number, maxPerTag: number) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const syllables = ['ca', 'fe', 'piz', 'za', 'na', 'po', 'li', 'mo', 'da', 'vi', 'no', 'ro', 'ma', 'sta', 'gio', 'ne', 'tra', 'vel', 'fit', 'ness', 'spo', 'si', 'ca', 'sa', 'bel', 'lo', 'tor', 'ta', 'pa', 'ne'];
  const keys: string[] = [];
  const used = new Set<string>();
  while (keys.length < tags) {
    let key = '';
    const n = 3 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) key += syllables[Math.floor(random() * syllables.length)];
    if (random() < 0.2) key += Math.floor(random() * 100);
    if (used.has(key)) continue;
    used.add(key);
    keys.push(key);
  }
  // Zipf(s = 1) by inverse transform on the harmonic numbers' approximation.
  const hMax = Math.log(tags) + 0.5772;
  const zipf = () => Math.min(tags - 1, Math.floor(Math.exp(random() * hMax - 0.5772)));
  const now = Date.UTC(2026, 11, 1);
  const rows = keys.map((key, i) => ({
    key,
    tag: key,
    network: (i % 3 === 0 ? 'facebook' : 'instagram') as 'facebook' | 'instagram',
    brandId: null as string | null,
    ownCount: random() < 0.3 ? 1 + Math.floor(200 / (i + 1)) : 0,
    seenCount: 1 + Math.floor(5000 / (i + 1)),
    cooccurs: {} as Record<string, number>,
    lastSeenAt: now - Math.floor(random() * 365 * 86_400_000),
  }));
  const degree = new Array<number>(tags).fill(0);
  let made = 0;
  let attempts = 0;
  while (made < pairs && attempts < pairs * 50) {
    attempts++;
    const i = zipf();
    const j = Math.floor(random() * tags);
    if (i === j || rows[i].network !== rows[j].network) continue;
    const x = rows[i];
    const y = rows[j];
    if (x.cooccurs[y.key] !== undefined) {
      x.cooccurs[y.key]++;
      y.cooccurs[x.key]++;
      continue;
    }
    if (degree[i] >= maxPerTag || degree[j] >= maxPerTag) continue;
    const count = 1 + Math.floor(random() * 3);
    x.cooccurs[y.key] = count;
    y.cooccurs[x.key] = count;
    degree[i]++;
    degree[j]++;
    made++;
  }
  return { rows, pairs: made };
}
