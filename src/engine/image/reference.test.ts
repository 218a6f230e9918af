import { describe, expect, it } from 'vitest';
import { canonicalString, familiarString, parseReference, withDefaultTag } from './reference.ts';

const norm = (s: string) => canonicalString(withDefaultTag(parseReference(s)));
const fam = (s: string) => familiarString(withDefaultTag(parseReference(s)));

describe('reference', () => {
  it('normalises Docker Hub names', () => {
    expect(norm('busybox')).toBe('docker.io/library/busybox:latest');
    expect(norm('ubuntu:22.04')).toBe('docker.io/library/ubuntu:22.04');
    expect(norm('user/app:v1')).toBe('docker.io/user/app:v1');
    expect(norm('docker.io/busybox')).toBe('docker.io/library/busybox:latest');
    expect(norm('index.docker.io/library/busybox')).toBe('docker.io/library/busybox:latest');
    expect(fam('docker.io/library/busybox:1.36')).toBe('busybox:1.36');
  });
  it('keeps other registries', () => {
    expect(norm('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(norm('127.0.0.1:5000/x/y:t')).toBe('127.0.0.1:5000/x/y:t');
    expect(norm('localhost/app')).toBe('localhost/app:latest');
    expect(fam('localhost:5000/app')).toBe('localhost:5000/app:latest');
  });
  it('takes digests', () => {
    const d = 'sha256:' + 'a'.repeat(64);
    expect(norm(`busybox@${d}`)).toBe(`docker.io/library/busybox@${d}`);
  });
  it('refuses bad references with Docker\'s words', () => {
    for (const bad of ['', ':', 'a:', 'busybox:la:test', 'a//b', '-a', 'a@sha256:zz', 'Busy box', 'a:b/c']) {
      expect(() => parseReference(bad), bad).toThrow();
    }
    expect(() => parseReference('Busybox')).toThrowError(
      expect.objectContaining({ message: 'invalid reference format: repository name (library/Busybox) must be lowercase' }),
    );
    expect(() => parseReference('busybox:')).toThrowError(expect.objectContaining({ message: 'invalid reference format' }));
  });
});
