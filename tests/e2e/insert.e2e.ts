import { describe, expect, test } from 'vitest';
import { inWorker, openSidebar, useChromium, waitForHost } from './support/chromium-sidebar';

/** The insertion engine end to end: bench editors (real Lexical, Draft.js, React
 * textarea...), focus taken away by a click in the sidebar, text inserted through the
 * background's `spalla.insertText`, checked on each editor's OWN state. */

const TEXT = 'Grazie! 👍🏽 #caffè\nSeconda riga';
const TYPED = 'Ciao  mondo';
const KINDS = ['lexical-plain', 'lexical-rich', 'draft', 'react-textarea', 'plain-textarea', 'plain-contenteditable'] as const;
type Kind = (typeof KINDS)[number];

const current = useChromium();

/** The editor's own state; a plain contenteditable's innerText shows typed double
 * spaces as a no-break space, which is not what this test is about. */
async function read(id: string, kind: Kind): Promise<string> {
  const value = await current.page.evaluate((editorId) => (window as any).__fixture.editors[editorId].read() as string, id);
  return kind === 'plain-contenteditable' ? value.replace(/\u00a0/g, ' ') : value;
}

async function insertViaBackground(text: string): Promise<{ ok: boolean; reason?: string }> {
  return inWorker(
    current.run,
    `(async () => {
      const [tab] = await chrome.tabs.query({ url: 'https://www.facebook.com/*' });
      return self.spalla.insertText(tab.id, ${JSON.stringify(text)});
    })()`,
  );
}

describe('Chromium: insertion into the bench editors', () => {
  for (const kind of KINDS) {
    for (const start of ['empty', 'caret mid-text'] as const) {
      test(`${kind}, ${start}`, async () => {
        const id = `bench-${kind}`;
        await current.page.goto(current.run.url('www.facebook.com', '/spalla-test/editors'));
        await waitForHost(current.page);
        await current.page.waitForFunction((editorId) => !!(window as any).__fixture?.editors[editorId], id);
        const editor = current.page.locator(`[data-testid="editor-${kind}"]`);

        await editor.click();
        let before = '';
        if (start === 'caret mid-text') {
          await current.page.keyboard.type(TYPED);
          for (let i = 0; i < 6; i++) await current.page.keyboard.press('ArrowLeft');
          before = TYPED;
          await expect.poll(() => read(id, kind)).toBe(TYPED);
        }

        // The sidebar takes focus, as a real click in it does.
        const frame = await openSidebar(current.page, current.run);
        await frame.locator('[data-testid="sidebar-surface"]').click();
        expect(await current.page.evaluate(() => document.activeElement?.localName)).toBe('spalla-sidebar');

        const result = await insertViaBackground(TEXT);
        const expected = start === 'empty' ? TEXT : `Ciao ${TEXT} mondo`;
        expect({ result, state: await read(id, kind) }).toEqual({ result: { ok: true }, state: expected });

        // Every kind takes the insertion back with the editor's own undo.
        await editor.focus();
        await current.page.keyboard.press('Control+z');
        await expect.poll(() => read(id, kind), { timeout: 3_000 }).toBe(before);
      });
    }
  }
});

describe('Chromium: insertion refuses to claim success', () => {
  test('no composer used yet on the page: says so', async () => {
    await current.page.goto(current.run.url('www.facebook.com', '/spalla-test/editors'));
    await waitForHost(current.page);
    expect(await insertViaBackground(TEXT)).toEqual({ ok: false, reason: 'no-composer' });
  });

  test('a page imitating the main-world helper cannot fake a landed insertion', async () => {
    const id = 'bench-lexical-plain';
    await current.page.goto(current.run.url('www.facebook.com', '/spalla-test/editors'));
    await waitForHost(current.page);
    await current.page.waitForFunction((editorId) => !!(window as any).__fixture?.editors[editorId], id);
    // The page swallows every request and answers "done" to all of them.
    await current.page.evaluate(() => {
      window.addEventListener(
        'spalla:insert-request',
        (event) => {
          event.stopImmediatePropagation();
          const { id: requestId, op } = JSON.parse((event as CustomEvent).detail);
          const code = op === 'lexical-check' ? 'ok' : 'sent';
          document.dispatchEvent(new CustomEvent('spalla:insert-reply', { detail: JSON.stringify({ id: requestId, code }) }));
        },
        true,
      );
    });
    await current.page.locator('[data-testid="editor-lexical-plain"]').click();
    await current.page.keyboard.type(TYPED);
    const frame = await openSidebar(current.page, current.run);
    await frame.locator('[data-testid="sidebar-surface"]').click();
    expect(await insertViaBackground(TEXT)).toEqual({ ok: false, reason: 'not-in-dom' });
    expect(await read(id, 'lexical-plain')).toBe(TYPED);
  });
});
