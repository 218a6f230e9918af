// The programs Berth's containers and its host prompt run, in one place.
//
// The tables are built at once, with every name, but the package managers'
// and the servers' code loads on first use (engine/lazy.ts): the page does
// not wait for apt-get or nginx to draw its prompt. programs.test.ts checks
// that the names here are the names those modules make.
import type { Program } from '../engine/runtime/process.ts';
import type { ProgramTable } from '../engine/runtime/resolve.ts';
import { IMAGE_PROGRAMS } from '../engine/registry/catalogue/programs.ts';
import { programsFor } from '../engine/runtime/programs/index.ts';
import { lazyModule, lazyProgram, type LazyModule } from '../engine/lazy.ts';
import type { HostSettings } from './host.ts';
import { BlobStore } from '../engine/registry/blobs.ts';

const packages = lazyModule('the package managers', () => import('../engine/runtime/programs/packages/index.ts'));
const servers = lazyModule('the servers', () => import('../engine/runtime/programs/servers/index.ts'));

/** `git` at the host's prompt (isomorphic-git: loaded when first run, never prefetched). */
export { gitProgram } from './git/load.ts';

/** The names `packagePrograms` gives its programs. */
export const PACKAGE_PROGRAM_NAMES = [
  'apt-get', 'apt', 'dpkg', 'dpkg-query', 'yum', 'dnf', 'rpm', 'rpmquery', 'apk',
  'pip', 'pip2', 'pip2.7', 'pip3', 'gem', 'gem1.9.1', 'gem3.1', 'wget',
  'npm', 'npm-cli.js', 'npx', 'npx-cli.js',
];

/** The names `serverPrograms` gives its programs. */
export const SERVER_PROGRAM_NAMES = [
  'nginx', 'nginx-debug', 'apache2', 'apache2ctl', 'httpd', 'catalina.sh', 'redis-server', 'redis-cli', 'registry',
  'flask', 'node', 'nodejs', 'python', 'python2', 'python3', 'python2.7',
  ...[6, 7, 8, 9, 10, 11, 12, 13].map((m) => `python3.${m}`),
];

/** Programs by name from a module's table, built once when the module has loaded. */
function lazyTable<M>(mod: LazyModule<M>, names: readonly string[], build: (m: M) => ReadonlyMap<string, Program>): Map<string, Program> {
  let table: ReadonlyMap<string, Program> | undefined;
  return new Map(
    names.map((name) => [
      name,
      lazyProgram(mod, (m) => {
        table ??= build(m);
        const p = table.get(name);
        if (!p) throw new Error(`${mod.name} have no program ${name}`);
        return p;
      }),
    ]),
  );
}

/** What the programs use of the host: the store of layer blobs its registry servers hold. */
export interface ProgramServices {
  blobs: () => BlobStore;
}

/** Programs of the images' userlands, shared by every container. */
export function containerPrograms(settings: HostSettings = { sourcesAsToday: false }, services?: ProgramServices): ProgramTable {
  // without a host (tests), one store for this table's registries
  let own: BlobStore | undefined;
  const blobs = services?.blobs ?? (() => (own ??= new BlobStore()));
  const gnu = new Map(programsFor('gnu'));
  const pkgs = lazyTable(packages, PACKAGE_PROGRAM_NAMES, (m) => m.packagePrograms({ sourcesAsToday: () => settings.sourcesAsToday }));
  for (const [name, p] of pkgs) gnu.set(name, p);
  for (const [name, p] of lazyTable(servers, SERVER_PROGRAM_NAMES, (m) => m.serverPrograms({ blobs }))) gnu.set(name, p);
  return { busybox: programsFor('busybox'), gnu, byPath: IMAGE_PROGRAMS };
}

export const notSimulated = (path: string): Program => async (ctx) => {
  ctx.stderr.write(`${ctx.argv[0] ?? path}: this program is not simulated by Berth\n`);
  return 126;
};
