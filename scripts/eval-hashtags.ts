// `npm run eval:hashtags -- --data FILE`: recall@5 and recall@10 of the hashtag
// suggestions on FILE (default tests/data/hashtag-eval.json), beside a baseline that only
// turns the post's words into hashtags. See docs/hashtags.md for the file format.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evalFileSchema, evaluate } from '../utils/hashtags/eval';

const args = process.argv.slice(2);
const at = args.indexOf('--data');
const file = resolve(at >= 0 && args[at + 1] ? args[at + 1] : 'tests/data/hashtag-eval.json');

let data;
try {
  data = evalFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
} catch (error) {
  console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const result = evaluate(data);
console.log(`\nHashtag suggestions on ${file}`);
console.log(`${'account'.padEnd(30)} lang  posts   model@5 model@10    base@5  base@10`);
for (const a of result.accounts) {
  console.log(
    `${a.id.padEnd(30)} ${a.lang.padEnd(5)} ${String(a.posts).padStart(5)}  ${pct(a.model.at5)}  ${pct(a.model.at10)}   ${pct(a.baseline.at5)}  ${pct(a.baseline.at10)}`,
  );
}
console.log(
  `${'all'.padEnd(30)} ${''.padEnd(5)} ${String(result.posts).padStart(5)}  ${pct(result.model.at5)}  ${pct(result.model.at10)}   ${pct(result.baseline.at5)}  ${pct(result.baseline.at10)}`,
);
console.log(
  `\nWith nothing learned (the text's words and the starter vocabulary only): recall@5 ${pct(result.unlearned.at5).trim()}, recall@10 ${pct(result.unlearned.at10).trim()}`,
);
const ratio = result.baseline.at10 > 0 ? result.model.at10 / result.baseline.at10 : Infinity;
console.log(`recall@10: model ${pct(result.model.at10).trim()}, baseline ${pct(result.baseline.at10).trim()}, ratio ${ratio.toFixed(2)}x (goal: at least 2x)`);
