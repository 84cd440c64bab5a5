/** The --db option shared by the store commands: the option, else $MIZAN_DB, else ./mizan.db (a SQLite file, or postgres://…). */
import type { Command } from 'commander';
import { openStoreAt } from '../store/open-store.js';
import type { Store } from '../store/store.js';

/** The default store file, in the working folder. */
export const DEFAULT_DB = 'mizan.db';

/** Add the --db option to a command. */
export function withDbOption(cmd: Command): Command {
  return cmd.option('--db <file|url>', `SQLite store file or postgres:// URL (default: $MIZAN_DB, else ./${DEFAULT_DB})`);
}

/** The store file or URL a command uses. */
export function dbPath(option: string | undefined): string {
  return option ?? (process.env.MIZAN_DB?.trim() || DEFAULT_DB);
}

/** Open the store; `mustExist` for the commands that only read it. */
export function openStore(option: string | undefined, mustExist: boolean): Promise<Store> {
  return openStoreAt(dbPath(option), { mustExist });
}
