/** Preloaded into a `mizan` child (node --import) by the hardening tests: writes its peak resident memory, in KiB, to $MIZAN_TEST_RSS_FILE on exit. */
import { writeFileSync } from 'node:fs';

const out = process.env.MIZAN_TEST_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
