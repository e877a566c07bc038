/** The app's data layer in an extension page, for tests that must change data as the library does
 * (entry and why: app-driver/entry.ts). */
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { AppDriver } from './app-driver/entry';
import { ROOT } from './paths';

let driverSource: Promise<string> | null = null;

/** The app's data layer bundled for an extension page (app-driver/entry.ts). */
export function appDriverSource(): Promise<string> {
  driverSource ??= build({
    entryPoints: [join(ROOT, 'tests/e2e/support/app-driver/entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    logLevel: 'silent',
    alias: { '#imports': join(ROOT, 'tests/e2e/support/app-driver/wxt-imports.ts') },
  }).then((result) => result.outputFiles[0].text);
  return driverSource;
}

type Method = keyof AppDriver;

/** Calls the app's data layer in `page` (an extension page), installing it there first if
 * the page was (re)loaded since. */
export async function app<M extends Method>(page: Page, method: M, ...args: Parameters<AppDriver[M]>): Promise<Awaited<ReturnType<AppDriver[M]>>> {
  if (!(await page.evaluate(() => '__spallaApp' in globalThis))) await page.evaluate(await appDriverSource());
  return page.evaluate(
    ([name, values]) => (globalThis as unknown as { __spallaApp: Record<string, (...a: unknown[]) => unknown> }).__spallaApp[name](...values),
    [method, args] as [string, unknown[]],
  ) as never;
}


/** The same in Firefox, through puppeteer (whose `evaluate` spreads its arguments). */
export async function ffApp<M extends Method>(page: PuppeteerPage, method: M, ...args: Parameters<AppDriver[M]>): Promise<Awaited<ReturnType<AppDriver[M]>>> {
  if (!(await page.evaluate(() => '__spallaApp' in globalThis))) await page.evaluate(await appDriverSource());
  return page.evaluate(
    (name: string, values: unknown[]) => (globalThis as unknown as { __spallaApp: Record<string, (...a: unknown[]) => unknown> }).__spallaApp[name](...values),
    method,
    args as unknown[],
  ) as never;
}
