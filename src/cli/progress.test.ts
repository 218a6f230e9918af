import { describe, expect, it } from 'vitest';
import { progressPrinter } from './progress.ts';

describe('progressPrinter', () => {
  const lines = ['latest: Pulling from library/busybox', 'aa06a41bc224: Pulling fs layer', 'bb06a41bc224: Pulling fs layer', 'aa06a41bc224: Pull complete', 'Digest: sha256:x'];
  it('prints every status without a terminal', () => {
    let out = '';
    const p = progressPrinter({ write: (s) => (out += s) }, false);
    lines.forEach(p);
    expect(out).toBe(lines.join('\n') + '\n');
  });
  it('rewrites a layer\'s line in place on a terminal', () => {
    let out = '';
    const p = progressPrinter({ write: (s) => (out += s) }, true);
    lines.forEach(p);
    expect(out).toBe(
      'latest: Pulling from library/busybox\naa06a41bc224: Pulling fs layer\nbb06a41bc224: Pulling fs layer\n' +
        '\x1b[2A\x1b[2K\raa06a41bc224: Pull complete\x1b[2B\rDigest: sha256:x\n',
    );
  });
});
