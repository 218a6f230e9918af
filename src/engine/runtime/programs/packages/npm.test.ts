// npm 10 as node:22 carries it. The trees, counts and funding lines are
// what npm printed for the same packages resolved as of August 2025
// (express 5.1.0: 67 packages, 14 asking for funding).
import { describe, expect, it } from 'vitest';
import type { UnionFs } from '../../../fs/union.ts';
import { packagePrograms } from './index.ts';
import { npmTree } from './npm.ts';
import { containerFs, runProgram } from './testing.ts';

const run = (fs: UnionFs, argv: string[], cwd = '/app') => runProgram(packagePrograms().get('npm')!, argv, fs, { cwd });

function nodeFs(): UnionFs {
  return containerFs([
    { type: 'dir', path: '/app' },
    { type: 'text', path: '/usr/local/lib/node_modules/npm/package.json', text: '{\n  "version": "10.9.3",\n  "name": "npm"\n}\n' },
  ]);
}

const read = (fs: UnionFs, p: string) => new TextDecoder().decode(fs.readFile(p));

describe('npm', () => {
  it('-v reads the version of the npm package in the image', async () => {
    expect((await run(nodeFs(), ['npm', '-v'])).out).toBe('10.9.3\n');
  });

  it('init -y writes package.json and prints it as npm 10 does', async () => {
    const fs = nodeFs();
    const r = await run(fs, ['npm', 'init', '-y']);
    const body = '{\n  "name": "app",\n  "version": "1.0.0",\n  "main": "index.js",\n  "scripts": {\n    "test": "echo \\"Error: no test specified\\" && exit 1"\n  },\n  "keywords": [],\n  "author": "",\n  "license": "ISC",\n  "description": ""\n}\n';
    expect(r).toMatchObject({ status: 0, out: `Wrote to /app/package.json:\n\n${body}\n\n` });
    expect(read(fs, '/app/package.json')).toBe(body);
  });

  it('install express: the tree, package.json, lockfiles, the summary; again: up to date; ls', async () => {
    const fs = nodeFs();
    await run(fs, ['npm', 'init', '-y']);
    const r = await run(fs, ['npm', 'install', 'express']);
    expect(r.status).toBe(0);
    expect(r.out).toBe('\nadded 67 packages, and audited 68 packages in 2s\n\n14 packages are looking for funding\n  run `npm fund` for details\n\nfound 0 vulnerabilities\n');
    expect(fs.readdir('/app/node_modules').filter((n) => !n.startsWith('.')).length).toBe(66);
    expect(fs.exists('/app/node_modules/http-errors/node_modules/statuses/package.json')).toBe(true);
    expect(JSON.parse(read(fs, '/app/node_modules/express/package.json'))).toMatchObject({ name: 'express', version: '5.1.0' });
    expect(JSON.parse(read(fs, '/app/package.json')).dependencies).toEqual({ express: '^5.1.0' });
    const lock = JSON.parse(read(fs, '/app/package-lock.json'));
    expect(lock).toMatchObject({ name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true });
    expect(lock.packages['node_modules/express'].resolved).toBe('https://registry.npmjs.org/express/-/express-5.1.0.tgz');
    expect(fs.exists('/app/node_modules/.package-lock.json')).toBe(true);
    // sizes as npm unpacks them
    const expressBytes = npmTree('express')!.find((p) => p.path === 'express')!.size;
    let sum = 0;
    const du = (d: string) => {
      for (const n of fs.readdir(d)) {
        const st = fs.lstat(`${d}/${n}`);
        if (st.type === 'dir') du(`${d}/${n}`);
        else sum += st.size;
      }
    };
    du('/app/node_modules/express');
    expect(sum).toBe(expressBytes);
    expect((await run(fs, ['npm', 'install'])).out).toBe('\nup to date, audited 68 packages in 300ms\n\n14 packages are looking for funding\n  run `npm fund` for details\n\nfound 0 vulnerabilities\n');
    expect((await run(fs, ['npm', 'ls'])).out).toBe('app@1.0.0 /app\n└── express@5.1.0\n\n');
  });

  it('install lodash into a directory without package.json creates one', async () => {
    const fs = nodeFs();
    const r = await run(fs, ['npm', 'i', 'lodash']);
    expect(r.out).toMatch(/^\nadded 1 package, and audited 2 packages in \d+ms\n\nfound 0 vulnerabilities\n$/);
    expect(read(fs, '/app/package.json')).toBe('{\n  "dependencies": {\n    "lodash": "^4.17.21"\n  }\n}\n');
  });

  it('an unknown package: E404 and the debug log', async () => {
    const fs = nodeFs();
    const r = await run(fs, ['npm', 'install', 'nosuchpkg']);
    expect(r.status).toBe(1);
    expect(r.out).toBe('');
    const lines = r.err.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'npm error code E404',
      'npm error 404 Not Found - GET https://registry.npmjs.org/nosuchpkg - Not found',
      'npm error 404',
      "npm error 404  'nosuchpkg@*' is not in this registry.",
      'npm error 404',
      'npm error 404 Note that you can also install from a',
      'npm error 404 tarball, folder, http url, or git url.',
    ]);
    const log = /^npm error A complete log of this run can be found in: (\/root\/\.npm\/_logs\/\S+-debug-0\.log)$/.exec(lines[7]!);
    expect(log).not.toBeNull();
    expect(fs.exists(log![1]!)).toBe(true);
    expect(fs.exists('/app/node_modules')).toBe(false);
  });

  it('ci without a lockfile is a usage error; a missing script is named', async () => {
    const fs = nodeFs();
    await run(fs, ['npm', 'init', '-y']);
    expect((await run(fs, ['npm', 'ci'])).err).toMatch(/^npm error code EUSAGE\nnpm error\nnpm error The `npm ci` command can only install with an existing package-lock.json or\n/);
    const r = await run(fs, ['npm', 'start']);
    expect(r).toMatchObject({ status: 1 });
    expect(r.err).toMatch(/^npm error Missing script: "start"\n/);
  });
});
