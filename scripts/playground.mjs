#!/usr/bin/env node
// `npm run playground`: try Spalla without a Facebook account. Builds the extension,
// serves the fixture pages as https://www.facebook.com/ (and Instagram, Business
// Suite), and opens a Chromium window with the extension loaded. Close the window to stop.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../tests/fixtures/server.mjs';
import { launchChromiumWithExtension } from '../tests/support/chromium-launch.mjs';

const root = resolve(import.meta.dirname, '..');

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display found: the playground opens a browser window. On a machine without one, run `xvfb-run npm run playground`.');
  process.exit(1);
}

const server = await startFixtureServer({ port: 0 });
const context = await launchChromiumWithExtension({
  extensionDir: join(root, '.output/chrome-mv3'),
  port: server.port,
  headless: false,
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto('https://www.facebook.com/');

console.log(`
Spalla playground is open. Pages to try (all local fixtures, no account needed):
  https://www.facebook.com/                 feed with comment boxes (Lexical)
  https://www.facebook.com/messages/t/100   Messenger
  https://www.instagram.com/                feed with comment boxes (React textarea)
  https://www.instagram.com/direct/t/200/   Instagram DMs
  https://business.facebook.com/latest/inbox/all   Business Suite inbox
  add ?lang=it for Italian pages, ?theme=dark for Facebook's dark mode
Open the sidebar with the blue tab at the right edge, or Alt+Shift+S.
Close the browser window to stop.`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
context.on('close', stop);
process.on('SIGINT', () => void context.close().then(stop));
