import { existsSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
/** `SPALLA_CHROME_BUILD=<dir>` runs a test against another build (e.g. an older one, to see
 * that a test fails where it should). */
export const CHROME_BUILD = process.env.SPALLA_CHROME_BUILD ? resolve(process.env.SPALLA_CHROME_BUILD) : join(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');

export function requireBuild(dir: string): string {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No extension build in ${dir}: run \`npm run build\` first (npm test does).`);
  }
  return dir;
}

export function tempProfile(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `spalla-${prefix}-`));
}
