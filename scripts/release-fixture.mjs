#!/usr/bin/env node
// Builds an earlier commit's Chromium extension into tests/fixtures/releases/, for the
// upgrade test (tests/e2e/upgrade.e2e.ts): `node scripts/release-fixture.mjs COMMIT`.
// The commit is checked out in a temporary git worktree, installed with its own lockfile
// (`npm ci`) and built with its own WXT (`wxt build`); the archive is the .output/chrome-mv3
// folder, as a person who loaded that release unpacked had it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const commit = process.argv[2];
if (!commit) {
  console.error('usage: node scripts/release-fixture.mjs COMMIT');
  process.exit(2);
}

function run(cmd, args, cwd) {
  const result = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}`);
}

const short = spawnSync('git', ['rev-parse', '--short=7', commit], { cwd: root, encoding: 'utf8' }).stdout.trim();
const work = join(mkdtempSync(join(tmpdir(), 'spalla-release-')), short);
try {
  run('git', ['worktree', 'add', '--detach', work, commit], root);
  run('npm', ['ci', '--no-audit', '--no-fund'], work);
  run('npx', ['wxt', 'build'], work);
  const out = join(root, 'tests/fixtures/releases');
  mkdirSync(out, { recursive: true });
  // Fixed owner, order and times, so the same build gives the same archive.
  run('tar', ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--mtime=@0', '-czf', join(out, `spalla-chrome-${short}.tar.gz`), '-C', join(work, '.output/chrome-mv3'), '.'], root);
  console.log(`tests/fixtures/releases/spalla-chrome-${short}.tar.gz`);
} finally {
  spawnSync('git', ['worktree', 'remove', '--force', work], { cwd: root, stdio: 'inherit' });
  rmSync(work, { recursive: true, force: true });
}
