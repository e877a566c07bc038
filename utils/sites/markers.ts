import type { MarkerCheck } from './types';

/** Checks a list of `[name, selector, required]` against the document. */
export function checkSelectors(doc: Document, list: [name: string, selector: string, required: boolean][]): MarkerCheck[] {
  return list.map(([name, selector, required]) => ({ name, required, found: doc.querySelector(selector) !== null }));
}
