import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { inWorker, openSidebar, waitForHost } from './support/chromium-sidebar';

// Managing replies from the sidebar (#3): create with live template errors, edit,
// duplicate, delete and undo, all through the background (the framed sidebar may not
// open the database), then the new reply goes into a real editor.
let run: ChromiumRun;
let page: Page;
let sidebar: Frame;

type Row = { id: string; title: string; body: string; shortcut: string | null };
const all = () => inWorker<Row[]>(run, 'self.spalla.repliesAll()');
const titles = () =>
  sidebar.locator('[data-testid="replies-item"]').evaluateAll((els) => els.map((e) => e.querySelector('.font-medium')?.textContent ?? ''));
const itemByTitle = (title: string) => sidebar.locator('li', { has: sidebar.locator('[data-testid="replies-item"]', { hasText: title }) });

beforeAll(async () => {
  run = await launchChromium(inject('fixturePort'));
  await inWorker(run, `self.spalla.repliesSeed(${JSON.stringify([{ id: 'r-old', title: 'Orari', body: 'Siamo aperti dalle 9.', shortcut: 'orari' }])})`);
  page = await run.context.newPage();
  await page.goto(run.url('www.facebook.com', '/spalla-test/editors'));
  await waitForHost(page);
  sidebar = await openSidebar(page, run);
  await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-old"]').waitFor();
});

afterAll(async () => {
  await run?.close();
});

describe('Chromium: managing saved replies in the sidebar', () => {
  test('create: template errors show live; saved, it is listed and stored', async () => {
    await sidebar.locator('[data-testid="replies-new"]').click();
    const editor = sidebar.locator('[data-testid="replies-sidebar-editor"]');
    await editor.locator('[data-testid="reply-editor-title"]').fill('Benvenuto');
    await editor.locator('[data-testid="reply-editor-body"]').fill('Ciao {{first_name|amico');
    await expect.poll(() => editor.locator('[data-testid="reply-editor-error"]').count()).toBeGreaterThan(0);
    await editor.locator('[data-testid="reply-editor-body"]').fill('Ciao {{first_name|amico}}, benvenuto! 👋');
    await expect.poll(() => editor.locator('[data-testid="reply-editor-error"]').count()).toBe(0);
    await expect.poll(() => editor.locator('[data-testid="reply-editor-preview"]').textContent()).toContain('Ciao');
    await editor.locator('[data-testid="reply-editor-shortcut"]').fill('benvenuto');
    await editor.locator('[data-testid="reply-editor-save"]').click();
    await expect.poll(() => sidebar.locator('[data-testid="replies-sidebar-editor"]').count()).toBe(0);
    await expect.poll(titles).toContain('Benvenuto');
    const stored = (await all()).find((r) => r.title === 'Benvenuto');
    expect(stored).toMatchObject({ body: 'Ciao {{first_name|amico}}, benvenuto! 👋', shortcut: 'benvenuto' });
  });

  test('a shortcut another reply has is refused, and nothing is saved', async () => {
    await sidebar.locator('[data-testid="replies-new"]').click();
    const editor = sidebar.locator('[data-testid="replies-sidebar-editor"]');
    await editor.locator('[data-testid="reply-editor-title"]').fill('Doppione');
    await editor.locator('[data-testid="reply-editor-body"]').fill('Testo');
    await editor.locator('[data-testid="reply-editor-shortcut"]').fill('orari');
    await editor.locator('[data-testid="reply-editor-save"]').click();
    await expect.poll(() => editor.locator('[data-testid^="reply-editor-problem"]').count()).toBeGreaterThan(0);
    expect((await all()).some((r) => r.title === 'Doppione')).toBe(false);
    await editor.locator('[data-testid="reply-editor-cancel"]').click();
    await expect.poll(() => sidebar.locator('[data-testid="replies-sidebar-editor"]').count()).toBe(0);
  });

  test('the new reply goes into the editor: its own state holds it', async () => {
    const id = 'bench-react-textarea';
    await page.waitForFunction((editorId) => !!(window as any).__fixture?.editors[editorId]?.element(), id);
    await page.locator(`[data-fixture-editor="${id}"]`).click();
    const reply = (await all()).find((r) => r.title === 'Benvenuto')!;
    await sidebar.locator(`[data-testid="replies-item"][data-reply-id="${reply.id}"]`).click();
    await expect.poll(() => page.evaluate((editorId) => (window as any).__fixture.editors[editorId].read(), id)).toBe('Ciao amico, benvenuto! 👋');
  });

  test('edit changes the stored reply; duplicate makes a copy without a shortcut', async () => {
    await itemByTitle('Benvenuto').locator('[data-testid="replies-item-edit"]').click();
    const editor = sidebar.locator('[data-testid="replies-sidebar-editor"]');
    await editor.locator('[data-testid="reply-editor-title"]').fill('Benvenuto nuovo');
    await editor.locator('[data-testid="reply-editor-save"]').click();
    await expect.poll(titles).toContain('Benvenuto nuovo');
    expect((await all()).filter((r) => r.title.startsWith('Benvenuto')).map((r) => r.title)).toEqual(['Benvenuto nuovo']);

    await itemByTitle('Benvenuto nuovo').locator('[data-testid="replies-item-duplicate"]').click();
    await editor.locator('[data-testid="reply-editor-save"]').click();
    await expect.poll(async () => (await all()).filter((r) => r.title.startsWith('Benvenuto nuovo')).length).toBe(2);
    const copy = (await all()).find((r) => r.title !== 'Benvenuto nuovo' && r.title.startsWith('Benvenuto nuovo'))!;
    expect(copy.shortcut).toBeNull();
    expect(copy.body).toBe('Ciao {{first_name|amico}}, benvenuto! 👋');
  });

  test('delete, then undo, brings back the very same reply', async () => {
    const before = (await all()).find((r) => r.id === 'r-old')!;
    await sidebar.locator('li', { has: sidebar.locator('[data-testid="replies-item"][data-reply-id="r-old"]') }).locator('[data-testid="replies-item-delete"]').click();
    await expect.poll(async () => (await all()).some((r) => r.id === 'r-old')).toBe(false);
    await expect.poll(() => sidebar.locator('[data-testid="replies-item"][data-reply-id="r-old"]').count()).toBe(0);
    await sidebar.locator('[data-testid="replies-undo"]').click();
    await expect.poll(async () => (await all()).find((r) => r.id === 'r-old')).toEqual(before);
    await expect.poll(() => sidebar.locator('[data-testid="replies-item"][data-reply-id="r-old"]').count()).toBe(1);
  });
});
