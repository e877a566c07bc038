import type { BrowserContext } from 'playwright-core';

export const FIXTURE_HOSTS: string[];
export function launchChromiumWithExtension(options: {
  extensionDir: string;
  port: number;
  headless?: boolean;
  profileDir?: string;
  loadAtStart?: boolean;
  extraArgs?: string[];
}): Promise<BrowserContext>;
export function installExtension(context: BrowserContext, extensionDir: string): Promise<string>;
