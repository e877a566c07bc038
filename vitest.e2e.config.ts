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
  },
});
