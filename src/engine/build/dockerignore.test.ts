// `.dockerignore` reading and matching. Where a case says "engine", the
// reference engine (docker 28.2 client, DOCKER_BUILDKIT=0) gave that answer;
// the full walks it recorded are checked in the CLI's context.test.ts.
import { describe, expect, it } from 'vitest';
import { DockerignoreError, Matcher, cleanPath, keepBuildFiles, readDockerignore } from './dockerignore.ts';

describe('readDockerignore', () => {
  it('drops comments, blank lines and a BOM, trims, cleans and unroots', () => {
    const text = '\uFEFF# comment\n  # not a comment\n\n  node_modules  \r\n/a/b\n./docs/../x\n!  /keep/./me/\n!\nsub/\n/\n';
    expect(readDockerignore(text)).toEqual(['# not a comment', 'node_modules', 'a/b', 'x', '!keep/me', '!', 'sub', '/']);
  });

  it('reads bytes as UTF-8 and takes a last line without a newline', () => {
    expect(readDockerignore(new TextEncoder().encode('héllo\n*.md'))).toEqual(['héllo', '*.md']);
  });
});

describe('cleanPath (Go path.Clean)', () => {
  it.each([
    ['', '.'],
    ['a//b/', 'a/b'],
    ['./a/./b/..', 'a'],
    ['../../a', '../../a'],
    ['/../a', '/a'],
    ['/', '/'],
  ])('%s → %s', (p, want) => expect(cleanPath(p)).toBe(want));
});

describe('Matcher', () => {
  const m = (text: string) => new Matcher(readDockerignore(text));

  it('a plain name matches that path and everything under it, only at the root (engine)', () => {
    const x = m('node_modules\n');
    expect(x.matches('node_modules')).toBe(true);
    expect(x.matches('node_modules/pkg/index.js')).toBe(true);
    expect(x.matches('src/node_modules')).toBe(false);
  });

  it('* and ? stay inside one path element (engine: */*.go leaves src/lib/util.go)', () => {
    const x = m('*/*.go\nab?.log\n');
    expect(x.matches('src/main.go')).toBe(true);
    expect(x.matches('src/lib/util.go')).toBe(false);
    expect(x.matches('abc.log')).toBe(true);
    expect(x.matches('ab.log')).toBe(false);
    expect(x.matches('ab/.log')).toBe(false);
  });

  it('**/ matches at any depth, including none (engine)', () => {
    const x = m('**/*.md\n');
    expect(x.matches('README.md')).toBe(true);
    expect(x.matches('a/b/c/keep.md')).toBe(true);
    expect(x.matches('a/b/c/three.txt')).toBe(false);
    const y = m('src/**/*.go\n');
    expect(y.matches('src/main.go')).toBe(true);
    expect(y.matches('src/lib/util.go')).toBe(true);
    const z = m('**/lib\n');
    expect(z.matches('lib')).toBe(true);
    expect(z.matches('src/lib/util.go')).toBe(true);
  });

  it('a trailing ** matches what is under the directory, not the directory itself', () => {
    const x = m('a/**\n');
    expect(x.matches('a')).toBe(false);
    expect(x.matches('a/one.txt')).toBe(true);
    expect(m('**\n').matches('anything/at/all')).toBe(true);
  });

  it('character classes, negated classes and escapes (engine)', () => {
    const x = m('[a-b]b.log\n');
    expect(x.matches('ab.log')).toBe(true);
    expect(x.matches('bb.log')).toBe(true);
    expect(x.matches('cb.log')).toBe(false);
    const n = m('ab[^c].log\n');
    expect(n.matches('abd.log')).toBe(true);
    expect(n.matches('abc.log')).toBe(false);
    expect(n.matches('ab.log')).toBe(false);
    const e = m('br\\[a\\].txt\nq\\?.txt\nstar\\*.txt\n');
    expect(e.matches('br[a].txt')).toBe(true);
    expect(e.matches('q?.txt')).toBe(true);
    expect(e.matches('qx.txt')).toBe(false);
    expect(e.matches('star*.txt')).toBe(true);
    expect(e.matches('starx.txt')).toBe(false);
  });

  it('escapes and brackets as Go reads them; ? takes a whole character (engine: a**b, x]y, m\\-n, [[]x)', () => {
    expect(m('a]b\n').matches('a]b')).toBe(true);
    expect(m('a\\-b\n').matches('a-b')).toBe(true);
    const c = m('[a\\-c]x\n');
    expect(c.matches('-x')).toBe(true);
    expect(c.matches('bx')).toBe(false);
    expect(m('[[]x\n').matches('[x')).toBe(true);
    expect(m('?.txt\n').matches('😀.txt')).toBe(true);
    expect(m('a**b\n').matches('ab')).toBe(true);
    expect(m('a**b\n').matches('ax/b')).toBe(true);
    expect(m('a**b\n').matches('axb')).toBe(false);
  });

  it('regular-expression characters are literal', () => {
    const x = m('a.b\nc+(d)|{e}$\n');
    expect(x.matches('a.b')).toBe(true);
    expect(x.matches('axb')).toBe(false);
    expect(x.matches('c+(d)|{e}$')).toBe(true);
  });

  it('the last matching pattern wins; ! re-includes (engine)', () => {
    const x = m('*.md\n!README.md\n');
    expect(x.matches('README.md')).toBe(false);
    expect(x.matches('NOTES.md')).toBe(true);
    const y = m('!README.md\n*.md\n');
    expect(y.matches('README.md')).toBe(true);
    const z = m('*\n!src/lib/*.go\nsrc/lib/*_test.go\n');
    expect(z.matches('src/lib/util.go')).toBe(false);
    expect(z.matches('src/lib/util_test.go')).toBe(true);
    expect(z.matches('src/main.go')).toBe(true);
  });

  it('an exception under an excluded directory keeps the walk going into it', () => {
    const x = m('a\n!a/b/c/keep.md\n');
    expect(x.matches('a')).toBe(true);
    expect(x.mayReinclude('a')).toBe(true);
    expect(x.mayReinclude('docs')).toBe(false);
    expect(x.matches('a/b/c/keep.md')).toBe(false);
    expect(x.matches('a/one.txt')).toBe(true);
    expect(m('a\n').mayReinclude('a')).toBe(false);
  });

  it('the walk form agrees with matches() when fed its parent results', () => {
    const x = m('**/c\n!a/b/c/keep.md\ndocs/*\n!docs/api\n');
    const paths = ['a', 'a/b', 'a/b/c', 'a/b/c/keep.md', 'a/b/c/three.txt', 'docs', 'docs/README.md', 'docs/api', 'docs/api/ref.md'];
    const infos = new Map<string, readonly boolean[]>();
    for (const p of paths) {
      const parent = p.includes('/') ? infos.get(p.slice(0, p.lastIndexOf('/'))) : undefined;
      const r = x.matchesWithParent(p, parent);
      infos.set(p, r.info);
      expect([p, r.excluded]).toEqual([p, x.matches(p)]);
    }
  });

  it('never excludes the context root', () => {
    expect(m('*\n**\n.\n').matches('.')).toBe(false);
  });

  it('refuses malformed patterns with moby\'s messages (engine)', () => {
    for (const bad of ['[', 'a\\', '[]a]', '[a-]', '[z-a]', 'x[^]']) {
      expect(() => new Matcher([bad]), bad).toThrow(new DockerignoreError('syntax error in pattern'));
    }
    expect(() => new Matcher(['!'])).toThrow('illegal exclusion pattern: "!"');
    expect(() => new Matcher(['[a-c]x', '[^a]', '[\\]]'])).not.toThrow();
  });
});

describe('keepBuildFiles (TrimBuildFilesFromExcludes)', () => {
  it('re-includes .dockerignore and the Dockerfile when a pattern excludes them (engine: both still sent)', () => {
    expect(keepBuildFiles(['Dockerfile', '.dockerignore'], 'Dockerfile', false)).toEqual(['Dockerfile', '.dockerignore', '!.dockerignore', '!Dockerfile']);
    expect(keepBuildFiles(['*'], 'sub/Dockerfile.dev', false)).toEqual(['*', '!.dockerignore', '!sub/Dockerfile.dev']);
    expect(keepBuildFiles(['sub'], 'sub/Dockerfile.dev', false)).toEqual(['sub', '!sub/Dockerfile.dev']);
    expect(keepBuildFiles(['Dockerfile'], 'Dockerfile', true)).toEqual(['Dockerfile']);
    expect(keepBuildFiles(['*.md'], 'Dockerfile', false)).toEqual(['*.md']);
  });
});
