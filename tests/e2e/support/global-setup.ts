import type { TestProject } from 'vitest/node';
import { startFixtureServer } from '../../fixtures/server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    fixturePort: number;
  }
}

export default async function setup(project: TestProject) {
  const server = await startFixtureServer({ port: 0 });
  project.provide('fixturePort', server.port);
  return async () => server.close();
}
