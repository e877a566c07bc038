import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import it from '../../public/_locales/it/messages.json';
import type { MessageCatalog } from './format';

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Keys passed literally to `t('…')` anywhere in the extension's code. */
function keysUsedInCode(): string[] {
  const files = ['components', 'entrypoints', 'utils'].flatMap((dir) => sourceFiles(join(ROOT, dir)));
  const keys = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(match[1]);
  }
  return [...keys];
}

describe('interface strings', () => {
  test('English and Italian have exactly the same keys', () => {
    expect(Object.keys(it).sort()).toEqual(Object.keys(en).sort());
  });

  test('every message is non-empty and uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      const a = (en as MessageCatalog)[key];
      const b = (it as MessageCatalog)[key];
      expect(a.message.trim(), key).not.toBe('');
      expect(b.message.trim(), key).not.toBe('');
      const positional = (m: string) => [...m.matchAll(/\$([1-9])/g)].map((x) => x[1]).sort();
      expect(positional(b.message), key).toEqual(positional(a.message));
      expect(Object.keys(b.placeholders ?? {}).sort(), key).toEqual(Object.keys(a.placeholders ?? {}).sort());
    }
  });

  test('every key the code asks for exists', () => {
    const used = keysUsedInCode();
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((key) => !(key in en))).toEqual([]);
  });
});
