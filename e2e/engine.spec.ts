// The engine in the page: real time drives a detached container, and the
// lifecycle commands answer as Docker does.
import { expect, test } from '@playwright/test';
import { openTerminal, run, screenText, waitIdle } from './terminal.ts';

test('a detached loop logs once a second in real time; stop, rm', async ({ page }) => {
  await openTerminal(page);
  await run(page, `docker run -d --name loop busybox sh -c 'while true; do echo hello world; sleep 1; done'`);
  await waitIdle(page, 20_000);
  await page.waitForTimeout(2_300);
  await run(page, 'docker logs loop');
  await waitIdle(page);
  const logs = (await screenText(page)).split('docker logs loop')[1]!;
  expect(logs.match(/hello world/g)!.length).toBeGreaterThanOrEqual(2);
  await run(page, 'docker ps');
  await waitIdle(page);
  expect(await screenText(page)).toMatch(/busybox\s+"sh -c 'while true; …"\s+\d+ seconds ago\s+Up \d+ seconds\s+loop/);
  await run(page, 'docker rm -f loop && docker ps -a');
  await waitIdle(page);
  expect((await screenText(page)).trimEnd()).toMatch(/\nloop\nCONTAINER ID\s+IMAGE\s+COMMAND\s+CREATED\s+STATUS\s+PORTS\s+NAMES\nroot@berth:~#$/);
  await page.screenshot({ path: 'docs/screenshots/detached-loop.png' });
});
