import { describe, expect, test } from 'vitest';
import { settledCode } from './index';

/** The asking of an editor's state after an insertion (`settledCode`): the helper is a
 * function here, answering with the codes `entrypoints/page-insert.ts` gives. */
describe('settledCode: the editor state check', () => {
  test("stops at the first 'ok'", async () => {
    let asked = 0;
    const code = await settledCode({ isConnected: true }, () => (++asked >= 3 ? 'ok' : 'mismatch'));
    expect(code).toBe('ok');
    expect(asked).toBe(3);
  });

  test('a box that stays silent is asked for at least MIN_TURNS turns before the answer counts', async () => {
    let asked = 0;
    const code = await settledCode({ isConnected: true }, () => {
      asked++;
      return null;
    });
    expect(code).toBeNull();
    expect(asked).toBeGreaterThan(12);
  });

  test('a box the page removed while it was asked (an in-app navigation) is asked no more', async () => {
    // A request dispatched on a detached box never reaches the helper, which listens on the
    // document: the answers stop. Seen in replies-greet.e2e.ts under load, where asking on
    // for the whole window kept the sidebar busy, so the reply clicked next was ignored.
    const box = { isConnected: true };
    let asked = 0;
    const code = await settledCode(box, () => {
      asked++;
      box.isConnected = false; // the navigation removes it before the helper can answer
      return null;
    });
    expect(code).toBeNull();
    expect(asked).toBe(1);
  });
});
