import { defineConfig } from 'vitest/config';

// End-to-end: the built extension (.output/) in real Chromium and Firefox, on fixture
// pages served over HTTPS as www.facebook.com, www.instagram.com and business.facebook.com.
// Build first (`npm test` does): `wxt build`, `wxt build -b firefox`, `npm run build:fixtures`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: one browser file at a time each, Chromium and Firefox side by side.
    maxWorkers: 2,
    isolate: true,
    // A real browser on a busy 2-core machine sometimes moves focus a moment late; one
    // more try of that test (with its own set-up) tells a flake from a failure. The
    // summary still counts a test that needed it as passed only if it then passed.
    retry: 1,
    // `expect.poll` waits for a condition in a real browser: a click in the sidebar goes
    // to the background, then to the page agent, then into the editor. On a loaded 2-core
    // machine that chain can take over a second (Vitest's default limit), and a test then
    // failed with the right answer on its way. A condition that holds early returns at once, so
    // a generous limit costs nothing when things go well.
    expect: { poll: { timeout: 10_000 } },
  },
});
