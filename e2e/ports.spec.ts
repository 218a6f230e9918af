// Published ports in the page: a container's server answers curl at the
// host prompt on the port -p binds; a second container cannot take it;
// stopping the first frees it.
import { expect, test, type Page } from '@playwright/test';
import { expectScreen, openTerminal, run, screenText, waitIdle } from './terminal.ts';

async function sh(page: Page, line: string, timeout = 30_000): Promise<void> {
  await run(page, line);
  await waitIdle(page, timeout);
}

test.describe.configure({ timeout: 120_000 });

test('docker run -p publishes a port curl reaches, docker port and ps show it', async ({ page }) => {
  await openTerminal(page);
  await sh(page, 'docker pull -q nginx');
  await sh(page, 'docker run -d --name web -p 8080:80 nginx > /dev/null');
  await sh(page, 'sleep 1; curl -s localhost:8080 | grep title');
  await expectScreen(page, /<title>Welcome to nginx!<\/title>/);
  await sh(page, 'docker port web');
  await expectScreen(page, /docker port web\n80\/tcp -> 0\.0\.0\.0:8080\n80\/tcp -> \[::\]:8080\n/);
  await sh(page, "docker ps --format '{{.Names}} {{.Ports}}'");
  await expectScreen(page, /web 0\.0\.0\.0:8080->80\/tcp, \[::\]:8080->80\/tcp\n/);
  await sh(page, 'docker run -d --name web2 -p 8080:80 nginx > /dev/null');
  await expectScreen(page, /Bind for 0\.0\.0\.0:8080 failed: port is already allocated/);
  await sh(page, 'docker stop web > /dev/null; curl localhost:8080');
  await expectScreen(page, /curl: \(7\) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server/);
  await sh(page, 'docker start web2 && sleep 1 && curl -sI localhost:8080 | head -1');
  await expectScreen(page, /web2\nHTTP\/1\.1 200 OK/);
  await page.screenshot({ path: 'test-results/ports.png' });
  expect(await screenText(page)).not.toMatch(/TypeError|stack/);
});
