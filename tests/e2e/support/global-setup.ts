import type { TestProject } from 'vitest/node';
import { startFixtureServer } from '../../fixtures/server.mjs';
import { startConnectProxy } from '../../support/connect-proxy.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The HTTPS fixture server (Chromium maps the hosts to it). */
    fixturePort: number;
    /** A CONNECT proxy in front of it (Firefox browses through it). */
    fixtureProxyPort: number;
  }
}

export default async function setup(project: TestProject) {
  const server = await startFixtureServer({ port: 0 });
  const proxy = await startConnectProxy({ targetPort: server.port });
  project.provide('fixturePort', server.port);
  project.provide('fixtureProxyPort', proxy.port);
  return async () => {
    await proxy.close();
    await server.close();
  };
}
