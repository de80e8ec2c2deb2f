/**
 * Vitest global setup: the bundles the subprocess and package tests load (dist/cli, dist/lib) are
 * rebuilt when a source is newer (`scripts/bundle.mjs`; a no-change check is a directory walk).
 */
import { pathToFileURL } from 'node:url';

interface BundleScript {
  bundle(options?: { force?: boolean }): Promise<boolean>;
}

export default async function setup(): Promise<void> {
  const script: BundleScript = await import(pathToFileURL(new URL('../scripts/bundle.mjs', import.meta.url).pathname).href);
  await script.bundle();
}
