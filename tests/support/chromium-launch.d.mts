import type { BrowserContext } from 'playwright-core';

export const FIXTURE_HOSTS: string[];
export function launchChromiumWithExtension(options: {
  extensionDir: string;
  port: number;
  headless?: boolean;
  profileDir?: string;
}): Promise<BrowserContext>;
