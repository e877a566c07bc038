#!/usr/bin/env node
// The one test command (`npm test`): type check, unit tests, build both browsers'
// extensions and the fixture pages, end-to-end tests in Chromium and Firefox, and
// Mozilla's addons-linter on the Firefox build. Ends with "N passed, N failed",
// counting every test that ran (each check that is not a test runner counts as one).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tmp = join(root, 'tests/.tmp');
mkdirSync(tmp, { recursive: true });

let passed = 0;
let failed = 0;
const summary = [];

// No step may hang the run: a stuck browser fails its step instead of eating CI's time.
const STEP_TIMEOUT_MS = 25 * 60 * 1000;

function run(cmd, args, { quiet = false } = {}) {
  return spawnSync(cmd, args, {
    cwd: root,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    timeout: STEP_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
}

function step(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  summary.push(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `  (${detail})` : ''}`);
}

function vitest(name, args) {
  const out = join(tmp, `${name}.json`);
  rmSync(out, { force: true });
  const result = run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) {
    step(`${name}: vitest produced no report`, false, `exit ${result.status}`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that failed to load has no tests but fails the run.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
  failed += brokenFiles.length;
  summary.push(
    `${report.numFailedTests + brokenFiles.length ? 'FAIL' : 'PASS'}  ${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed` +
      (brokenFiles.length ? `, ${brokenFiles.length} file(s) did not load` : ''),
  );
  if (report.numTotalTests === 0) step(`${name}: no test ran`, false);
}

console.log('\n== Type check ==');
step('type check (tsc --noEmit)', run('npx', ['tsc', '--noEmit']).status === 0);

console.log('\n== Unit tests ==');
vitest('unit', []);

console.log('\n== Builds ==');
const builds = [
  ['build chrome-mv3 (wxt build)', ['wxt', 'build']],
  ['build firefox-mv2 (wxt build -b firefox)', ['wxt', 'build', '-b', 'firefox']],
  ['build fixture pages', ['node', 'tests/fixtures/build.mjs']],
];
let built = true;
for (const [name, args] of builds) {
  const ok = run('npx', args).status === 0;
  step(name, ok);
  built &&= ok;
}

if (built) {
  console.log('\n== Mozilla addons-linter ==');
  const lint = run('npx', ['addons-linter', '.output/firefox-mv2', '--output', 'json'], { quiet: true });
  try {
    const report = JSON.parse(lint.stdout);
    const { errors, warnings } = report.summary;
    for (const e of report.errors) console.log(`error: ${e.code} ${e.file ?? ''} ${e.message}`);
    for (const w of report.warnings) console.log(`warning: ${w.code} ${w.file ?? ''} ${w.message}`);
    step('addons-linter on the Firefox build: no errors', errors === 0, `${errors} errors, ${warnings} warnings`);
  } catch {
    console.log(lint.stdout, lint.stderr);
    step('addons-linter on the Firefox build', false, 'no JSON report');
  }

  console.log('\n== End-to-end tests (Chromium and Firefox) ==');
  vitest('e2e', ['--config', 'vitest.e2e.config.ts']);
}

console.log('\n== Summary ==');
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
