// Figures for the library's saved replies (#3): what a keystroke in the search box, a
// change of sort or filter, a CSV file and a pack cost with 5,000 replies. Printed,
// never asserted. Run: `npm run bench -- --only replies-library` (or `npx tsx` this file).
import Papa from 'papaparse';
import type { SavedReply } from '../../utils/db/saved-replies';
import { guessMapping, parseCsvText, planCsvRows } from '../../utils/replies/csv';
import { makePack, readPack } from '../../utils/replies/pack';
import { filterReplies, sortReplies } from '../../utils/replies/store';
import { seededRandom } from '../unit/seeded-random';

const N = 5_000;
const RUNS = 25;
const random = seededRandom(42);
const words = ['ciao', 'grazie', 'orari', 'prezzi', 'spedizione', 'caffè', 'prenota', 'hours', 'prices', 'shipping', 'booking', 'thanks', '😊'];
const pick = () => words[Math.floor(random() * words.length)];
const sentence = (n: number) => Array.from({ length: n }, pick).join(' ');

const replies: SavedReply[] = Array.from({ length: N }, (_, i) => ({
  id: `r${i}`,
  createdAt: 1_700_000_000_000 + i,
  updatedAt: 1_700_000_000_000 + i,
  title: `${sentence(3)} ${i}`,
  body: `{Ciao|Salve} {{first_name|amico}}! ${sentence(30)} {{input:Orario}} {{cursor}}`,
  shortcut: `s${i}`,
  tags: [pick(), pick()].filter((t) => t !== '😊'),
  networks: i % 3 === 0 ? ['instagram'] : i % 3 === 1 ? ['facebook'] : [],
  language: i % 2 ? 'it' : 'en',
  brandId: null,
  useCount: Math.floor(random() * 100),
  lastUsedAt: random() < 0.5 ? null : 1_700_000_000_000 + Math.floor(random() * 1e9),
}));

function time(label: string, fn: () => unknown): void {
  fn(); // warm-up: JIT, and the search's folded-text cache (timed separately below)
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const p95 = samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)];
  console.log(`  ${label}: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
}

console.log(`\nSaved replies in the library, ${N} replies (${RUNS} runs each, after one warm-up)`);
const cold = performance.now();
filterReplies(replies, { query: 'grazie' });
console.log(`  first search (folds every reply's text once): ${(performance.now() - cold).toFixed(1)} ms`);
time('search "grazie orari" + sort by most used', () => sortReplies(filterReplies(replies, { query: 'grazie orari' }), 'most-used'));
time('filter Instagram + Italian + tag, sort by title', () => sortReplies(filterReplies(replies, { network: 'instagram', language: 'it', tag: 'ciao' }), 'title'));
time('no filter, sort recently used', () => sortReplies(replies, 'recent'));

const csv = Papa.unparse([['Titolo', 'Testo', 'Scorciatoia', 'Etichette'], ...replies.map((r) => [r.title, `${r.body}\n${sentence(5)}`, r.shortcut!, r.tags.join('; ')])], {
  delimiter: ';',
});
console.log(`  CSV of ${N} rows: ${(csv.length / 1024).toFixed(0)} KB`);
time('CSV parse + column guess + rows to replies', () => {
  const read = parseCsvText(csv);
  if (!read.ok) throw new Error(read.error.code);
  planCsvRows(read.table, guessMapping(read.table.headers), 'it');
});

const made = makePack(replies, 'bench');
if (!made.ok) throw new Error(made.error.code);
const packBlob = made.value;
console.log(`  pack of ${N} replies: ${(packBlob.size / 1024).toFixed(0)} KB`);
const start = performance.now();
for (let i = 0; i < 5; i++) {
  const read = await readPack(packBlob);
  if (!read.ok) throw new Error(read.error.code);
}
console.log(`  pack read + full validation: ${((performance.now() - start) / 5).toFixed(1)} ms (mean of 5)`);
