import { SITE_MATCHES } from '@/utils/sites/matches';
import { startPageAgent } from '@/utils/page-agent/agent';

/** The page agent: declared in the manifest for the three sites, so the sidebar's host
 * element is in every page from load. Small on purpose (no React, no Dexie): it runs on
 * every Facebook and Instagram page load. */
export default defineContentScript({
  matches: SITE_MATCHES,
  runAt: 'document_idle',
  // WXT's context is not used: see `AgentLifetime` for why.
  main() {
    void startPageAgent();
  },
});
