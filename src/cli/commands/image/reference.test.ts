// The client-side reference parser and Go's path.Match, against
// distribution/reference's and Go's documented behaviour.
import { describe, expect, it } from 'vitest';
import {
  BadPatternError,
  familiarMatch,
  familiarName,
  familiarString,
  parseAnyReference,
  parseNormalizedNamed,
  pathMatch,
  referenceString,
} from './reference.ts';

describe('parseNormalizedNamed', () => {
  it('normalises Docker Hub names and keeps other registries', () => {
    expect(referenceString(parseNormalizedNamed('busybox'))).toBe('docker.io/library/busybox');
    expect(referenceString(parseNormalizedNamed('index.docker.io/user/app:v1'))).toBe('docker.io/user/app:v1');
    expect(referenceString(parseNormalizedNamed('localhost:5000/a/b@sha256:' + 'a'.repeat(64)))).toBe(`localhost:5000/a/b@sha256:${'a'.repeat(64)}`);
    expect(familiarString(parseNormalizedNamed('docker.io/library/busybox:1.37'))).toBe('busybox:1.37');
    expect(familiarName(parseNormalizedNamed('127.0.0.1:5000/team/mybox:1.0'))).toBe('127.0.0.1:5000/team/mybox');
  });

  it('fails with the library texts', () => {
    const err = (s: string) => {
      try {
        parseNormalizedNamed(s);
      } catch (e) {
        return (e as Error).message;
      }
      return 'ok';
    };
    expect(err('Busybox')).toBe('invalid reference format: repository name (library/Busybox) must be lowercase');
    expect(err('Busybox@sha256:' + 'a'.repeat(64))).toBe('invalid reference format: repository name (library/Busybox@sha256) must be lowercase');
    expect(err('busybox:')).toBe('invalid reference format');
    expect(err('')).toBe('invalid reference format');
    expect(err('a'.repeat(64))).toBe(`invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`);
    expect(err('busybox@sha256:' + 'a'.repeat(63))).toBe('invalid checksum digest length');
    expect(err('busybox@md5:' + 'a'.repeat(32))).toBe('unsupported digest algorithm');
    expect(err('Host.Example/x')).toBe('ok');
  });

  it('takes IDs and digests as digest references in ParseAnyReference', () => {
    expect(parseAnyReference('a'.repeat(64))).toBeNull();
    expect(parseAnyReference('sha256:' + 'a'.repeat(64))).toBeNull();
    expect(parseAnyReference('7cac330e49e5')).not.toBeNull();
  });
});

describe('path.Match', () => {
  it('matches as Go does', () => {
    expect(pathMatch('busy*', 'busybox')).toBe(true);
    expect(pathMatch('*', 'a/b')).toBe(false);
    expect(pathMatch('*/*', 'a/b')).toBe(true);
    expect(pathMatch('a?c', 'abc')).toBe(true);
    expect(pathMatch('[a-c]x', 'bx')).toBe(true);
    expect(pathMatch('[^a-c]x', 'bx')).toBe(false);
    expect(pathMatch('\\*', '*')).toBe(true);
    expect(pathMatch('*:lates?', 'busybox:latest')).toBe(true);
    expect(() => pathMatch('[x', 'y')).toThrow(BadPatternError);
    expect(() => pathMatch('a[', 'b')).toThrow(BadPatternError);
  });

  it('matches references by name:tag, then by name', () => {
    const r = parseNormalizedNamed('busybox:latest');
    expect(familiarMatch('busybox', r)).toBe(true);
    expect(familiarMatch('busybox:latest', r)).toBe(true);
    expect(familiarMatch('busybox:1*', r)).toBe(false);
    expect(familiarMatch('library/busybox', r)).toBe(false);
  });
});
