// What the app's modules import from WXT's `#imports` virtual module (see
// .wxt/types/imports-module.d.ts), for the driver bundled outside WXT's build.
export { browser } from 'wxt/browser';
export { storage } from 'wxt/utils/storage';
