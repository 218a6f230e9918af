// Programs that serve: nginx, apache2ctl/httpd, catalina.sh, redis-server,
// python (Flask apps), node (Express apps), registry (registry:2) — real start-up lines, listening on their ports.
import type { Program } from '../../process.ts';
import { apache2, apache2ctl, httpd } from './apache.ts';
import { nginx } from './nginx.ts';
import { node } from './node.ts';
import { flaskScript } from './flask.ts';
import { python } from './python.ts';
import { redisCli } from './redis-cli.ts';
import { redisServer } from './redis.ts';
import { registryProgram, type RegistryServices } from './registry.ts';
import { catalina } from './tomcat.ts';

/** Server programs by binary name; a registry stores its layers' files in the host's blob store. */
export function serverPrograms(services?: RegistryServices): Map<string, Program> {
  return new Map<string, Program>([
    ['nginx', nginx],
    ['nginx-debug', nginx],
    ['apache2', apache2],
    ['apache2ctl', apache2ctl],
    ['httpd', httpd],
    ['catalina.sh', catalina],
    ['redis-server', redisServer],
    ['redis-cli', redisCli],
    ['registry', registryProgram(services)],
    ['flask', flaskScript],
    ['node', node],
    ['nodejs', node],
    ...['python', 'python2', 'python3', 'python2.7', ...[6, 7, 8, 9, 10, 11, 12, 13].map((m) => `python3.${m}`)].map((n): [string, Program] => [n, python]),
  ]);
}
