// The case files: cases/<name>/{Dockerfile,expected.json} are Dockerfiles
// with the parse buildkit gives them (its AST dump, line ranges, heredocs,
// directives, warnings, typed instructions); negative/<name> hold the error
// Docker reports and the line buildkit points at. Expectations were written
// from buildkit's rules and checked on a real engine where its legacy
// builder shares the behaviour (see README.md beside this file).

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from './index.ts';
import { golden } from './golden.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const list = (dir: string) => readdirSync(here + dir).sort();
const read = (path: string) => readFileSync(here + path, 'utf8');

describe('Dockerfiles that parse', () => {
  const names = list('cases');
  it('has the suite', () => expect(names.length).toBeGreaterThanOrEqual(40));
  for (const name of names) {
    it(name, () => {
      const r = parse(read(`cases/${name}/Dockerfile`));
      if (!r.ok) throw new Error(`did not parse: ${r.error.message}`);
      expect(golden(r.dockerfile)).toEqual(JSON.parse(read(`cases/${name}/expected.json`)));
    });
  }
});

describe('Dockerfiles that Docker refuses', () => {
  const names = list('negative');
  it('has the suite', () => expect(names.length).toBeGreaterThanOrEqual(20));
  for (const name of names) {
    it(name, () => {
      const expected = JSON.parse(read(`negative/${name}/expected.json`)) as { error: string; line: number };
      const r = parse(read(`negative/${name}/Dockerfile`));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.message).toBe(expected.error);
      expect(r.error.startLine).toBe(expected.line);
    });
  }
});
