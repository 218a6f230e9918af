// The image the real engine builds for the archive interoperability checks
// (interop.mjs) and for the page's fixture (make-fixture.mjs): FROM scratch,
// so it needs no base image; regular files, an executable, an empty
// directory, two symlinks, and a later layer deleting a file (a whiteout),
// made by the legacy builder. The tiny programs of elf.mjs let the real
// engine run it (CMD) and delete the file (RUN).
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tinyCat, tinyRm } from './elf.mjs';

export const REAL_DOCKERFILE = [
  'FROM scratch',
  'COPY rootfs/ /',
  'ENV PATH=/bin',
  'RUN ["/bin/rm", "/victim.txt"]',
  'COPY late.txt /opt/tool/data/',
  'LABEL origin=real',
  'CMD ["/bin/cat", "/hello.txt"]',
  '',
].join('\n');

/** Writes the build context into `ctx` (an empty directory). */
export function writeRealContext(ctx) {
  const put = (path, content, mode = 0o644) => {
    mkdirSync(dirname(join(ctx, path)), { recursive: true });
    writeFileSync(join(ctx, path), content);
    chmodSync(join(ctx, path), mode);
  };
  put('rootfs/hello.txt', 'hello from the real engine\n');
  put('rootfs/victim.txt', 'deleted by a later layer\n');
  put('rootfs/etc/motd', 'welcome\n');
  put('rootfs/opt/tool/run.sh', '#!/bin/sh\necho run\n', 0o755);
  put('rootfs/opt/tool/data/values.csv', 'a,b\n1,2\n');
  put('rootfs/bin/cat', tinyCat(), 0o755);
  put('rootfs/bin/rm', tinyRm(), 0o755);
  mkdirSync(join(ctx, 'rootfs/var/empty'), { recursive: true });
  symlinkSync('hello.txt', join(ctx, 'rootfs/link'));
  symlinkSync('/opt/tool/run.sh', join(ctx, 'rootfs/opt/run'));
  put('late.txt', 'added after the deletion\n');
  put('Dockerfile', REAL_DOCKERFILE);
}
