import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1280, height: 800 } });
await p.goto(process.argv[2] ?? 'http://127.0.0.1:4173/');
await p.waitForFunction(() => window.__berth?.ready === true);
await p.screenshot({ path: process.argv[3] ?? '/tmp/shot.png' });
await b.close();
