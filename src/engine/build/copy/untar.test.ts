// Archives made with Python's tarfile, gzip-compressed to keep them short.
import { describe, expect, it } from 'vitest';
import { gunzip } from '../../runtime/programs/inflate.ts';
import { TarError, tarEntries } from './untar.ts';

const tgz = (s: string) => gunzip(Uint8Array.from(atob(s), (c) => c.charCodeAt(0))).data;

/** GNU format: a 152-character name (a ././@LongLink entry), uid 3000000 (base-256), then a hard link to it. */
const GNU =
  'H4sIAAAAAAACA+3VPQrCMBiA4W/2FLmAbZI2zepuLuFURangDzh6NCfPpSEoInRMKe37LA1dMiRvvqIsylU4dm3YdXvJQyd9X20r812n/947IyrIAK7ny+aklMxUW4ZREkzm/GPUTV3LPW64fD5S5u6neSum8tbXJvVvnXGNKE3/2d0WNDBnxVjnvxa1pn/mP7LaHvLv8Zn/ff3H9f/8fz8JygxxOWfePwAAAAAAAAAAAKblBTh3V2UAKAAA';

describe('tarEntries', () => {
  it('reads GNU long names, base-256 numbers and hard links', () => {
    const [file, link, ...rest] = [...tarEntries(tgz(GNU))];
    expect(rest).toEqual([]);
    expect(file!.names).toEqual(['g', 'L'.repeat(150)]);
    expect([file!.type, file!.uid, file!.gid, file!.mtime]).toEqual(['0', 3000000, 5, 1_600_000_000_000]);
    expect(new TextDecoder().decode(file!.data)).toBe('x\n');
    expect([link!.names, link!.type, link!.linkname]).toEqual([['hl'], '1', 'g/' + 'L'.repeat(150)]);
  });

  it('refuses a bad checksum and a cut archive', () => {
    const tar = tgz(GNU);
    const bad = tar.slice();
    bad[0]! ^= 1;
    expect(() => [...tarEntries(bad)]).toThrow(TarError);
    expect(() => [...tarEntries(tar.subarray(0, 700))]).toThrow('unexpected EOF');
  });
});
