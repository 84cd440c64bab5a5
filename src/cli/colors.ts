/** Terminal colours: on for an interactive terminal only (never because a CI variable is set), off with NO_COLOR. */
import picocolors from 'picocolors';

const enabled = process.stdout.isTTY === true && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';

/** Colour functions for the CLI's human output. */
const pc = picocolors.createColors(enabled);
export default pc;
