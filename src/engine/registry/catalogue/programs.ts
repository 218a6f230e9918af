// Programs that come with particular catalogue images rather than with a
// distribution's userland.
import type { Program } from '../../runtime/process.ts';
import { HELLO_WORLD_MESSAGE } from './hello.ts';

/** hello-world's /hello: prints its message and exits 0. */
export const helloProgram: Program = async (ctx) => {
  ctx.stdout.write(HELLO_WORLD_MESSAGE);
  return 0;
};

export const IMAGE_PROGRAMS: ReadonlyMap<string, Program> = new Map([['/hello', helloProgram]]);
