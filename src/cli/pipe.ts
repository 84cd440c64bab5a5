/** Output to a pipe that closes early (`mizan export | head`): stop quietly, as Unix tools do, instead of failing. */

let installed = false;

/** Exit with status 0 when standard output's reader goes away (EPIPE); rethrow any other output error. */
export function quietOnBrokenPipe(): void {
  if (installed) return;
  installed = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
