// node:22 on the simulated host: the image's entrypoint, npm through its
// symlink into lib/node_modules, node_modules in the container's layer
// (docker diff), a missing module in a fresh container, npm start.
import { describe, expect, it } from 'vitest';
import { testHost } from '../../../../node/test-host.ts';

describe('npm and node in node:22', () => {
  it('npm install express, docker diff, node app.js, npm start', async () => {
    const { sh } = await testHost();
    expect((await sh('docker pull -q node:22')).status).toBe(0);
    expect(await sh('docker run --rm node:22 --version')).toEqual({ out: 'v22.18.0\n', status: 0 });
    expect(await sh('docker run --rm node:22 npm -v')).toEqual({ out: '10.9.3\n', status: 0 });
    expect(await sh(`docker run --rm node:22 -e "console.log('hi from', process.version)"`)).toEqual({ out: 'hi from v22.18.0\n', status: 0 });
    const install = await sh('docker run --name web -w /app node:22 npm install express');
    expect(install.status).toBe(0);
    expect(install.out).toContain('added 67 packages, and audited 68 packages in 2s\n');
    const diff = (await sh('docker diff web')).out.split('\n');
    expect(diff).toContain('A /app/node_modules');
    expect(diff).toContain('A /app/node_modules/express/package.json');
    expect(diff).toContain('A /app/package-lock.json');
    expect(diff).toContain('A /root/.npm');
    // an app committed with its node_modules runs; a fresh container lacks express
    const app = `const express = require('express')\\nconst app = express()\\napp.get('/', (req, res) => res.send('hi'))\\napp.listen(3000, () => console.log('listening on 3000'))\\n`;
    expect((await sh(`docker run --rm -w /tmp node:22 sh -c "printf \\"${app}\\" > app.js && node app.js"`)).out).toContain("Error: Cannot find module 'express'");
    expect((await sh('docker commit web withexpress')).status).toBe(0);
    const started = await sh(`docker run -d --name srv -w /app withexpress sh -c "printf \\"${app}\\" > app.js && sed -i 's/\\"dependencies\\"/\\"scripts\\": {\\"start\\": \\"node app.js\\"},\\"dependencies\\"/' package.json && npm start"`);
    expect(started.status).toBe(0);
    await sh('sleep 1');
    const logs = (await sh('docker logs srv')).out;
    expect(logs).toContain('> start\n> node app.js\n\nlistening on 3000\n');
  }, 120_000);
});
