#!/usr/bin/env node
// What each module of the page agent costs (issue #16): builds the Chromium extension
// once more with source maps (into a temporary directory), then, for the agent that runs
// on every page load and for each part it loads on demand (utils/page-agent/parts.ts),
// attributes every byte of the minified file to the source module it came from (the
// source map's mappings) and prints a table: bytes, and bytes gzipped on their own
// (a module's share of the whole: gzip of all modules together is smaller than the sum).
// Used by `npm run bench`; on its own: `node scripts/page-size.mjs [--top N]`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { build } from 'wxt';

const root = resolve(import.meta.dirname, '..');
const gz = (text) => gzipSync(text, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Bytes of `file` per source module, from its source map. */
function modulesOf(dir, file) {
  const code = readFileSync(join(dir, file), 'utf8');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8')));
  const lines = code.split('\n');
  const mappings = [];
  map.eachMapping((m) => mappings.push(m));
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  const text = new Map();
  for (let i = 0; i < mappings.length; i++) {
    const m = mappings[i];
    const next = mappings[i + 1];
    const line = lines[m.generatedLine - 1] ?? '';
    const end = next && next.generatedLine === m.generatedLine ? next.generatedColumn : line.length;
    const source = (m.source ?? '(wrapper)').replace(/^.*node_modules\//, 'npm:').replace(/^(\.\.\/)+/, '').replace(`${root.slice(1)}/`, '');
    text.set(source, (text.get(source) ?? '') + line.slice(m.generatedColumn, end));
  }
  const rows = [...text].map(([source, t]) => ({ source, raw: t.length, gzip: gz(t) })).sort((a, b) => b.raw - a.raw);
  return { raw: code.length, gzip: gz(code), rows };
}

/** The page agent and its parts, each with its modules. */
export async function pageModuleSizes() {
  const outDir = mkdtempSync(join(tmpdir(), 'spalla-size-'));
  try {
    await build({ root, outDir, logLevel: 'silent', vite: () => ({ build: { sourcemap: true } }) });
    const dir = join(outDir, 'chrome-mv3');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    // The parts, as utils/page-agent/parts.ts names them (PAGE_PART_FILES).
    const table = readFileSync(join(root, 'utils/page-agent/parts.ts'), 'utf8');
    const parts = Object.fromEntries([...table.matchAll(/^\s+(\w+): '\/(page-[\w-]+\.js)',$/gm)].map((m) => [m[1], m[2]]));
    const files = [
      ...(manifest.content_scripts ?? []).flatMap((s) => s.js ?? []).map((file) => ({ label: 'every page load', file })),
      ...Object.entries(parts).map(([name, file]) => ({ label: `part "${name}", on demand`, file })),
    ];
    return files.map(({ label, file }) => ({ label, file, ...modulesOf(dir, file) }));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export function printPageModuleSizes(sizes, top = Infinity) {
  for (const { label, file, raw, gzip, rows } of sizes) {
    console.log(`  ${file} (${label}): ${kb(raw)} raw, ${kb(gzip)} gzipped`);
    console.log(`    ${'raw'.padStart(8)} ${'alone gz'.padStart(9)}  module`);
    for (const r of rows.slice(0, top)) console.log(`    ${String(r.raw).padStart(8)} ${String(r.gzip).padStart(9)}  ${r.source}`);
    if (rows.length > top) console.log(`    … ${rows.length - top} more, ${rows.slice(top).reduce((s, r) => s + r.raw, 0)} bytes`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const top = process.argv.includes('--top') ? Number(process.argv[process.argv.indexOf('--top') + 1]) : Infinity;
  printPageModuleSizes(await pageModuleSizes(), top);
}
