// Sources the seeds' tutorials used that are gone from today's internet.
// By default Berth serves them as they were; with `sourcesAsToday` each
// fails as the real tool fails against it now.
export interface GoneSource {
  /** What is gone. */
  what: string;
  /** Since when (for the lesson that explains it). */
  since: string;
}

export const GONE = {
  /** CentOS 8 reached end of life on 2021-12-31; mirrorlist.centos.org stopped answering for it. */
  centos8: { what: 'CentOS Linux 8 mirrors (mirrorlist.centos.org)', since: '2022-01-31' },
  /** EPEL 6 moved to archives.fedoraproject.org; dl.fedoraproject.org/pub/epel/6/ answers 404. */
  epel6: { what: 'http://dl.fedoraproject.org/pub/epel/6/', since: '2020-12-01' },
  /** pip under Python 2.7 against today's PyPI (TLS and metadata it no longer understands). */
  python27Pip: { what: 'PyPI for Python 2.7 clients', since: '2021-01-01' },
} satisfies Record<string, GoneSource>;

export type GoneKey = keyof typeof GONE;

/** Whether `key` fails now: only when the caller asks for today's internet. */
export function isGone(asToday: (() => boolean) | undefined, key: GoneKey): boolean {
  void GONE[key];
  return asToday?.() === true;
}
