import { describe, expect, it } from 'vitest';
import { createHost } from '../../shell/host.ts';
import { createNodePlatform } from '../../node/platform.ts';
import { DROP_LIMIT, dropFiles, quote, typedNames, type DroppedFile } from './dropFiles.ts';

const file = (name: string, text: string): DroppedFile => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, bytes: async () => bytes };
};

describe('files dropped on the terminal', () => {
  it('are copied into the working directory byte for byte, never over an existing file', async () => {
    const host = await createHost({ platform: createNodePlatform(), realtime: false });
    await host.run('mkdir -p /root/work && cd /root/work && echo old > a.tar', { stdout: { write: () => {} }, stderr: { write: () => {} } });
    const { dir, results } = await dropFiles(host, [file('a.tar', 'new'), file('my notes.txt', 'x'), file('a.tar', 'newer')]);
    expect(dir).toBe('/root/work');
    expect(results.map((r) => (r.ok ? r.path : r.reason))).toEqual(['/root/work/a-1.tar', "/root/work/my notes.txt", '/root/work/a-2.tar']);
    expect(new TextDecoder().decode(host.fs.readFile('/root/work/a.tar'))).toBe('old\n');
    expect(new TextDecoder().decode(host.fs.readFile('/root/work/a-1.tar'))).toBe('new');
    expect(typedNames(results)).toBe("a-1.tar 'my notes.txt' a-2.tar ");
  });

  it('refuses a file too big to hold, and says why a copy failed', async () => {
    const host = await createHost({ platform: createNodePlatform(), realtime: false });
    const big: DroppedFile = { name: 'big.tar', size: DROP_LIMIT + 1, bytes: async () => new Uint8Array(0) };
    const broken = { cwd: () => '/gone', fs: { exists: () => false, writeFile: () => { throw new Error('No such file or directory'); } } };
    expect((await dropFiles(host, [big])).results).toEqual([{ ok: false, name: 'big.tar', reason: 'too-big', size: DROP_LIMIT + 1 }]);
    expect((await dropFiles(broken, [file('x', 'y')])).results).toEqual([{ ok: false, name: 'x', reason: 'failed', detail: 'No such file or directory' }]);
    expect(typedNames([])).toBe('');
  });

  it('quotes names for the shell', () => {
    expect(quote('image.tar')).toBe('image.tar');
    expect(quote("it's here")).toBe(`'it'\\''s here'`);
  });
});
