/** Debian's chromium driven by playwright-core for the dashboard tests (never a downloaded browser). */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The browser: $MIZAN_CHROMIUM, else Debian's /usr/bin/chromium (installed by .ci/run). */
export const CHROMIUM = process.env.MIZAN_CHROMIUM?.trim() || '/usr/bin/chromium';

/** Flags for a quiet headless run inside a container. */
export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Why the browser tests cannot run here, or undefined when they can. In CI a missing browser is a failure, not a skip. */
export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const why = `${CHROMIUM} is missing (apt-get install -y chromium)`;
  if (process.env.CI) throw new Error(why);
  return why;
}

/** Launch the browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, timeout: 30_000 });
}
