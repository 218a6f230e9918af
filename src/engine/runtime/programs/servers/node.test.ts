// node: versions, -e one-liners, MODULE_NOT_FOUND as Node 22 prints it, and
// the Express hello-world served with Express 5's headers (the ETag is
// etag's W/"<length>-<sha1 base64>": Lve95gjOVATpfV8EL5X4nxwjKHE for
// "Hello World!", as `node -e` with crypto computes it).
import { describe, expect, it } from 'vitest';
import { Box } from './testing.ts';

const HELLO = `const express = require('express')
const app = express()
const port = 3000

app.get('/', (req, res) => {
  res.send('Hello World!')
})

app.listen(port, () => {
  console.log(\`Example app listening on port \${port}\`)
})
`;

function nodeBox(): Box {
  const b = new Box().bin('/usr/local/bin/node');
  b.fs.put('/usr/local/include/node/node_version.h', '#define NODE_MAJOR_VERSION 22\n#define NODE_MINOR_VERSION 18\n#define NODE_PATCH_VERSION 0\n');
  return b;
}

describe('node', () => {
  it('-v and -e', async () => {
    const b = nodeBox();
    expect(await b.run(['node', '-v'])).toBe(0);
    expect(await b.run(['node', '-e', "console.log('sum', 1 + 2 * 3); const x = `v=${process.version}`; console.log(x)"])).toBe(0);
    expect(await b.run(['node', '-p', 'process.platform'])).toBe(0);
    expect(b.out.text).toBe('v22.18.0\nsum 7\nv=v22.18.0\nlinux\n');
    expect(await b.run(['node', '-e', 'fetch("x").then(r => r)'])).toBe(1);
    expect(b.err.text).toMatch(/^Berth: this JavaScript is beyond the simulator/);
  });

  it('require of a package node_modules lacks: MODULE_NOT_FOUND with the require stack', async () => {
    const b = nodeBox();
    b.fs.put('/app/app.js', HELLO);
    expect(await b.run(['node', 'app.js'], {}, '/app')).toBe(1);
    const lines = b.err.text.split('\n');
    expect(lines.slice(0, 7)).toEqual(['node:internal/modules/cjs/loader:1368', '  throw err;', '  ^', '', "Error: Cannot find module 'express'", 'Require stack:', '- /app/app.js']);
    expect(b.err.text).toContain('    at Object.<anonymous> (/app/app.js:1:17)\n');
    expect(b.err.text).toMatch(/ {2}code: 'MODULE_NOT_FOUND',\n {2}requireStack: \[ '\/app\/app\.js' \]\n\}\n\nNode\.js v22\.18\.0\n$/);
  });

  it('the Express hello-world: its log line, Hello World! on /, Cannot GET elsewhere', async () => {
    const b = nodeBox();
    b.fs.put('/app/app.js', HELLO);
    b.fs.put('/app/node_modules/express/package.json', '{"name":"express","version":"5.1.0"}\n');
    b.start(['node', 'app.js'], {}, '/app');
    await b.wait(10);
    expect(b.out.text).toBe('Example app listening on port 3000\n');
    const ok = await b.get(3000);
    expect(ok).toMatch(/^HTTP\/1\.1 200 OK\r\nX-Powered-By: Express\r\nContent-Type: text\/html; charset=utf-8\r\nContent-Length: 12\r\nETag: W\/"c-Lve95gjOVATpfV8EL5X4nxwjKHE"\r\nDate: .* GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\nHello World!$/);
    const missing = await b.get(3000, '/nope');
    expect(missing).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
    expect(missing).toContain('<pre>Cannot GET /nope</pre>');
  });
});
