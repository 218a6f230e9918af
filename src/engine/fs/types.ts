// The file-system contract shared by the host's file system, a container's
// union file system and every program that runs over them. Paths are
// absolute and already resolved against the caller's working directory.

export type FileType = 'file' | 'dir' | 'symlink';

export interface Stat {
  type: FileType;
  /** Permission bits (0o755 ...), without the file-type bits. */
  mode: number;
  uid: number;
  gid: number;
  /** Bytes (declared size for generated image content). */
  size: number;
  /** Modification time, ms since the epoch. */
  mtime: number;
}

export type FsErrorCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EINVAL' | 'EACCES' | 'ELOOP' | 'EXDEV' | 'EBUSY' | 'EPERM' | 'EROFS';

const DESCRIPTIONS: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
  EACCES: 'Permission denied',
  ELOOP: 'Too many levels of symbolic links',
  EXDEV: 'Invalid cross-device link',
  EBUSY: 'Device or resource busy',
  EPERM: 'Operation not permitted',
  EROFS: 'Read-only file system',
};

/** An errno-style failure; `description` is strerror's text, as programs print it. */
export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
  }
  get description(): string {
    return DESCRIPTIONS[this.code];
  }
}

export interface Fs {
  /** Stat without following a final symlink. Throws FsError. */
  lstat(path: string): Stat;
  /** Stat following symlinks. Throws FsError. */
  stat(path: string): Stat;
  exists(path: string): boolean;
  /** Entry names of a directory, sorted by byte order. */
  readdir(path: string): string[];
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array, opts?: { append?: boolean; mode?: number }): void;
  mkdir(path: string, opts?: { recursive?: boolean; mode?: number }): void;
  /** Removes a file, a symlink, an empty directory, or (recursive) a whole tree. */
  rm(path: string, opts?: { recursive?: boolean }): void;
  rename(from: string, to: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  chmod(path: string, mode: number): void;
  /** Sets the modification time (touch). */
  utimes(path: string, mtime: number): void;
}
