// ADD's local archives: a file is extracted when, once decompressed, it
// starts with a valid tar header (moby's archive.IsArchivePath); the
// compression is recognised by its magic bytes, not by the file's name, so
// `x.tgz`, `x.tar.gz` and a gzip named `x.bin` are all the same to ADD.
import { gunzip } from '../../runtime/programs/inflate.ts';
import { bunzip2, Bzip2Error } from './bunzip2.ts';
import { unxz, XzError } from './unxz.ts';

export type Compression = 'none' | 'gzip' | 'bzip2' | 'xz' | 'zstd';

/** go-archive's DetectCompression. */
export function detectCompression(b: Uint8Array): Compression {
  const starts = (m: number[]) => b.length >= m.length && m.every((x, i) => b[i] === x);
  if (starts([0x42, 0x5a, 0x68])) return 'bzip2';
  if (starts([0x1f, 0x8b, 0x08])) return 'gzip';
  if (starts([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'xz';
  if (starts([0x28, 0xb5, 0x2f, 0xfd])) return 'zstd';
  return 'none';
}

/** Whether a 512-byte block is a tar header Go's reader accepts (checksum right). */
export function isTarHeader(b: Uint8Array): boolean {
  if (b.length < 512) return false;
  const block = b.subarray(0, 512);
  if (block.every((x) => x === 0)) return false;
  const field = String.fromCharCode(...block.subarray(148, 156))
    .replace(/\0.*$/s, '')
    .trim();
  if (!/^[0-7]+$/.test(field)) return false;
  const sum = parseInt(field, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < 512; i++) {
    const c = i >= 148 && i < 156 ? 0x20 : block[i]!;
    unsigned += c;
    signed += c >= 0x80 ? c - 256 : c;
  }
  return sum === unsigned || sum === signed;
}

export type ArchiveCheck =
  | { kind: 'file' }
  | { kind: 'tar'; tar: Uint8Array }
  /** A compression Berth cannot decode (zstd): Docker would try to extract it. */
  | { kind: 'unsupported'; compression: Compression };

/** What ADD does with these bytes: copy them as a file, or extract the tar they hold. */
export function checkArchive(data: Uint8Array): ArchiveCheck {
  const c = detectCompression(data);
  if (c === 'none') return isTarHeader(data) ? { kind: 'tar', tar: data } : { kind: 'file' };
  if (c === 'gzip') {
    const r = gunzip(data);
    // A broken stream that still yields a first header is an archive (the error comes while extracting).
    if (isTarHeader(r.data)) return { kind: 'tar', tar: r.data };
    return { kind: 'file' };
  }
  if (c === 'bzip2' || c === 'xz') {
    let tar: Uint8Array;
    try {
      tar = c === 'bzip2' ? bunzip2(data) : unxz(data);
    } catch (e) {
      // Not decodable from the start: go-archive's IsArchivePath says no, and ADD copies the file.
      if (e instanceof Bzip2Error || e instanceof XzError) return { kind: 'file' };
      throw e;
    }
    return isTarHeader(tar) ? { kind: 'tar', tar } : { kind: 'file' };
  }
  return { kind: 'unsupported', compression: c };
}
