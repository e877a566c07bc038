import { BlobReader, BlobWriter, TextReader, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import { ZIP_OPTIONS } from './format';

/** Test helpers: take a backup apart and put (a damaged version of) it back together. */

/** Name → content; `null` makes a directory entry. */
export type ZipFiles = Map<string, string | Uint8Array | null>;

export async function unzipFiles(zip: Blob): Promise<Map<string, Uint8Array>> {
  const reader = new ZipReader(new BlobReader(zip), ZIP_OPTIONS);
  const files = new Map<string, Uint8Array>();
  for (const entry of await reader.getEntries()) {
    if (!entry.directory) files.set(entry.filename, await entry.getData(new Uint8ArrayWriter()));
  }
  return files;
}

export async function zipFiles(files: ZipFiles, options: { level?: number; password?: string } = {}): Promise<Blob> {
  const writer = new ZipWriter(new BlobWriter('application/zip'), { ...ZIP_OPTIONS, ...options });
  for (const [name, content] of files) {
    if (content === null) await writer.add(name, undefined, { directory: true });
    else await writer.add(name, typeof content === 'string' ? new TextReader(content) : new Uint8ArrayReader(content));
  }
  return writer.close();
}

export function textOf(content: string | Uint8Array | null | undefined): string {
  return typeof content === 'string' ? content : new TextDecoder().decode(content ?? undefined);
}

/** The backup's files with one JSON entry changed by `edit` (which may return a new value). */
export async function editJson(zip: Blob, name: string, edit: (value: any) => unknown): Promise<ZipFiles> {
  const files: ZipFiles = await unzipFiles(zip);
  const value = JSON.parse(textOf(files.get(name)));
  const edited = edit(value);
  files.set(name, JSON.stringify(edited === undefined ? value : edited));
  return files;
}

/** Replaces every occurrence of `from` by `to` (same length) in the raw bytes, e.g. an
 * entry name in both its local header and the central directory. */
export async function patchBytes(zip: Blob, from: string, to: string): Promise<Blob> {
  if (from.length !== to.length) throw new Error('same length only');
  const bytes = new Uint8Array(await zip.arrayBuffer());
  const needle = new TextEncoder().encode(from);
  const replacement = new TextEncoder().encode(to);
  let found = 0;
  for (let i = 0; i <= bytes.length - needle.length; i++) {
    if (needle.every((b, j) => bytes[i + j] === b)) {
      bytes.set(replacement, i);
      found++;
    }
  }
  if (!found) throw new Error(`"${from}" not in the zip`);
  return new Blob([bytes]);
}
