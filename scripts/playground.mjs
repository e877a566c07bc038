#!/usr/bin/env node
// `npm run playground`: try Spalla without a Facebook account. Builds the extension,
// serves the fixture pages as https://www.facebook.com/ (and Instagram, Business
// Suite), and opens a Chromium window with the extension loaded. Close the window to stop.
//
//   npm run playground -- --lang it      Spalla and the imitation pages in Italian
//   npm run playground -- --theme dark   Facebook's dark mode (Spalla follows it)
//   npm run playground -- --no-build     use the build already in .output/chrome-mv3
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFixtureServer } from '../tests/fixtures/server.mjs';
import { launchChromiumWithExtension } from '../tests/support/chromium-launch.mjs';

const root = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    lang: { type: 'string', default: 'en' },
    theme: { type: 'string', default: 'light' },
    'no-build': { type: 'boolean', default: false },
  },
});
if (!['en', 'it'].includes(options.lang)) fail(`--lang must be "en" or "it", not "${options.lang}".`);
if (!['light', 'dark'].includes(options.theme)) fail(`--theme must be "light" or "dark", not "${options.theme}".`);

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** Without a display (a server, a container, a root shell over ssh) the browser window
 * goes to a virtual one: the playground starts itself again under `xvfb-run`. */
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' });
  if (xvfb.status !== 0) {
    fail('No display found, and no `xvfb-run` to make one: install it (`apt-get install -y xvfb`) or run the playground in a desktop session.');
  }
  console.log('No display found: running the browser on a virtual display (xvfb-run). Nothing will show on screen; for pictures of every screen, see `npm run screenshots`.');
  const again = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}

if (!options['no-build']) {
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = await startFixtureServer({ port: 0 });
const context = await launchChromiumWithExtension({
  extensionDir: join(root, '.output/chrome-mv3'),
  port: server.port,
  headless: false,
});

// Spalla's own language is a setting (popup or library: "Interface language"), kept in
// the extension's storage under `language` (utils/settings/items.ts); `?lang=it` only
// changes the imitation pages. Set it before the first page opens.
if (options.lang !== 'en') {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate((language) => chrome.storage.local.set({ language }), options.lang);
}

const query = new URLSearchParams();
if (options.lang !== 'en') query.set('lang', options.lang);
if (options.theme === 'dark') query.set('theme', 'dark');
const suffix = query.size ? `?${query}` : '';

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`https://www.facebook.com/${suffix}`);

const pages = [
  ['https://www.facebook.com/', 'feed with comment boxes (Lexical)'],
  ['https://www.facebook.com/messages/t/100', 'Messenger'],
  ['https://www.facebook.com/spallademo', 'a Page of your own (Best time)'],
  ['https://www.instagram.com/', 'feed with comment boxes (React textarea)'],
  ['https://www.instagram.com/direct/t/200/', 'Instagram DMs'],
  ['https://business.facebook.com/latest/inbox/all', 'Business Suite inbox'],
];
console.log(`
Spalla playground is open. Pages to try (all local fixtures, no account needed):
${pages.map(([url, what]) => `  ${(url + suffix).padEnd(52)} ${what}`).join('\n')}
Add ?lang=it to a page's address for the Italian page, ?theme=dark for Facebook's dark
mode. Spalla's own language: popup > Interface language, or \`npm run playground -- --lang it\`.
Open the sidebar with the blue tab at the right edge, or Alt+Shift+S.
Close the browser window (or press Ctrl+C) to stop.`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
context.on('close', stop);
process.on('SIGINT', () => void context.close().then(stop));
process.on('SIGTERM', () => void context.close().then(stop));
