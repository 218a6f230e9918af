// The programs Berth's containers and its host prompt run, in one place.
import type { Program } from '../engine/runtime/process.ts';
import type { ProgramTable } from '../engine/runtime/resolve.ts';
import { packagePrograms } from '../engine/runtime/programs/packages/index.ts';
import { serverPrograms } from '../engine/runtime/programs/servers/index.ts';
import { IMAGE_PROGRAMS } from '../engine/registry/catalogue/programs.ts';
import { programsFor } from '../engine/runtime/programs/index.ts';
import type { HostSettings } from './host.ts';

/** Programs of the images' userlands, shared by every container. */
export function containerPrograms(settings: HostSettings = { sourcesAsToday: false }): ProgramTable {
  const gnu = new Map(programsFor('gnu'));
  for (const [name, p] of packagePrograms({ sourcesAsToday: () => settings.sourcesAsToday })) gnu.set(name, p);
  for (const [name, p] of serverPrograms()) gnu.set(name, p);
  return { busybox: programsFor('busybox'), gnu, byPath: IMAGE_PROGRAMS };
}

export const notSimulated = (path: string): Program => async (ctx) => {
  ctx.stderr.write(`${ctx.argv[0] ?? path}: this program is not simulated by Berth\n`);
  return 126;
};

