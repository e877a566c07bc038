// Memory of the learned hashtag model with 50,000 tags and 500,000 co-occurrence pairs, as the
// background holds it: the packed records read back from IndexedDB (a structured clone, so the
// key strings are flat) and the model loaded from them. Prints figures; asserts nothing.
// Not a *.bench.ts file, so `npm run bench` leaves it out; run it alone:
//   npx tsx tests/bench/hashtags-memory.ts
// Node's heap after a full GC (V8, as in Chromium's background) plus `arrayBuffers`: typed
// arrays keep their contents outside the JavaScript heap, so heapUsed alone misses them.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createHashtagModel, MAX_COOCCURS_PER_TAG } from '../../utils/hashtags/model';
import { packHashtags, type PackedScope } from '../../utils/hashtags/packed';
import { makeSyntheticRows } from './hashtags-synthetic';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const memory = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, arrays: m.arrayBuffers };
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Inside a function, so the synthetic rows (about 66 MB) are garbage once it returns. */
function packsAsStored(): PackedScope[] {
  const synthetic = makeSyntheticRows(4, 50_000, 500_000, MAX_COOCCURS_PER_TAG);
  return structuredClone(packHashtags(synthetic.rows));
}

const base = memory();
let packs: PackedScope[] | null = packsAsStored();
const withPacks = memory();
const model = createHashtagModel();
model.load(packs);
packs = null; // the model keeps what it needs of them
const withModel = memory();
const info = model.info();
const heap = withModel.heap - base.heap;
const arrays = withModel.arrays - base.arrays;
console.log(`Hashtag model memory: ${info.hashtags.toLocaleString('en')} hashtags, ${info.pairs.toLocaleString('en')} pairs (Node ${process.version})`);
console.log(`  packed records as read from the database: heap ${mb(withPacks.heap - base.heap)} (key strings, records), typed arrays ${mb(withPacks.arrays - base.arrays)}`);
console.log(`  with the model loaded: heap ${mb(heap)}, typed arrays ${mb(arrays)}, total ${mb(heap + arrays)} (goal < 30 MB); the model's own indexes beyond the records: ${mb(withModel.heap - withPacks.heap)}`);
// Keeps the model alive until the figures are printed.
if (info.hashtags === 0) console.log(model);
