import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';
import { ALL_OPTIONAL_SITE_ORIGINS, OPTIONAL_SITE_ORIGINS } from './utils/sites/networks';

/** The three sites Spalla works on. Match patterns ignore ports, so the e2e fixture
 * server on https://www.facebook.com:PORT/ is matched too. */
export const SITE_MATCHES = [
  'https://www.facebook.com/*',
  'https://business.facebook.com/*',
  'https://www.instagram.com/*',
];

/** Where Facebook and Instagram serve post images (signed addresses that expire). */
export const IMAGE_CDN_MATCHES = ['https://*.fbcdn.net/*', 'https://*.cdninstagram.com/*'];

/** Where the page agent may run on X, Threads and LinkedIn (#14), once the user switches
 * the network on and grants it: its sidebar frame and insertion helper must be loadable there. */
const OPTIONAL_PAGE_MATCHES = Object.values(OPTIONAL_SITE_ORIGINS).flatMap((origins) => origins.pages);

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // The sources zip Mozilla's review asks for: code only, no built fixtures or test output.
  zip: {
    excludeSources: ['tests/fixtures/dist/**', 'tests/.tmp/**'],
  },
  vite: () => ({
    plugins: [tailwindcss(), pageAgentWithoutPolyfill()],
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // zod 4 (v4/core/util.js, v4/core/regexes.js) writes "@__PURE__" inside prose
          // comments; Rollup reports each as an annotation it cannot place (code
          // INVALID_ANNOTATION) and drops the comment. Harmless, and not ours to fix:
          // kept quiet for zod only, every other warning still shows (docs/testing.md).
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
          warn(warning);
        },
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // clipboardWrite: a reply that could not be inserted is copied instead (#3).
    // contextMenus/menus + activeTab: the clipping menu on any site (#6); activeTab gives
    // the clicked tab's title and address, nothing more.
    permissions: [
      'storage',
      'unlimitedStorage',
      'scripting',
      'clipboardWrite',
      browser === 'firefox' ? 'menus' : 'contextMenus',
      'activeTab',
      // alarms: reopens a shared brand's connection after the worker was stopped (#15); no warning.
      'alarms',
    ],
    // The sites, and their image CDNs: clipped images are fetched by the background (#6).
    host_permissions: [...SITE_MATCHES, ...IMAGE_CDN_MATCHES],
    // X, Threads and LinkedIn (#14) only when the user switches them on: a host permission
    // added in an update would make Chrome disable the extension until the user accepts it
    // (utils/sites/networks.ts). Any other site only on demand (the clipping issue asks for
    // it per site). Firefox MV2 lists optional origins among `optional_permissions`.
    optional_host_permissions:
      browser === 'firefox' ? undefined : [...ALL_OPTIONAL_SITE_ORIGINS, 'https://*/*', 'http://*/*'],
    ...(browser === 'firefox' ? { optional_permissions: [...ALL_OPTIONAL_SITE_ORIGINS, 'https://*/*', 'http://*/*'] } : {}),
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandToggleSidebar__',
      },
      // Saved replies (#3): the search palette (also a key of the page agent).
      'reply-palette': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_repliesCommandPalette__',
      },
      'clip-post': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_clipsPageCommand__',
      },
    },
    web_accessible_resources: [
      // The sidebar is an extension page framed inside the site's page.
      { resources: ['sidebar.html'], matches: [...SITE_MATCHES, ...OPTIONAL_PAGE_MATCHES] },
      // The insertion engine's main-world helper, injected on demand (utils/insert/).
      { resources: ['page-insert.js'], matches: [...SITE_MATCHES, ...OPTIONAL_PAGE_MATCHES] },
    ],
    // Firefox: a fixed add-on id (storage and updates follow it) and the data
    // collection declaration Mozilla requires: Spalla collects nothing.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'spalla@spalla-extension.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

/**
 * The page agent (issue #16: it runs on every Facebook and Instagram page load) and its parts
 * loaded on demand (`entrypoints/page-*.ts`) use the browser's own extension object, not
 * webextension-polyfill. The polyfill module
 * (`@wxt-dev/webextension-polyfill`) points `wxt/browser` at the polyfill for every
 * entrypoint, and WXT's own content-script context imports `wxt/browser`; in Chromium the
 * polyfill then wraps `chrome` at load (its table of every API's arguments, proxies), which
 * the page's heap pays for. The agent's and parts' calls are `runtime.id`, `runtime.getURL`,
 * `i18n.getMessage`, WXT's `injectScript` (synchronous) and `storage.local` (promises in
 * Chromium's Manifest V3 and in Firefox; `utils/settings/page-settings.ts`), and their
 * messages already go through `chrome` (`@webext-core/messaging`), so for their builds `wxt/browser`
 * is `@wxt-dev/browser`: `globalThis.browser` where it exists (Firefox), else `chrome`
 * (WXT's own default without the polyfill module, wxt.dev/guide/essentials/extension-apis).
 * Each content script is its own Vite build (WXT's lib mode), so the switch is per build.
 */
function pageAgentWithoutPolyfill(): Plugin {
  let pageBuild = false;
  return {
    name: 'spalla:page-agent-without-polyfill',
    enforce: 'pre',
    buildStart(options) {
      pageBuild = /entrypoints\/page-/.test(JSON.stringify(options.input ?? ''));
    },
    async resolveId(source, importer) {
      if (!pageBuild || source !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}
