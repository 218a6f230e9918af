// docker save / load / export / import in the page: binary archives through
// redirections and pipes, gzip through the browser's DecompressionStream,
// and the terminal refused as a destination as Docker refuses it.
import { expect, test, type Page } from '@playwright/test';
import { expectScreen, openTerminal, run, screenText, waitIdle } from './terminal.ts';

async function sh(page: Page, line: string, timeout = 30_000): Promise<void> {
  await run(page, line);
  await waitIdle(page, timeout);
}

test.describe.configure({ timeout: 120_000 });

test('save, load, export and import carry archives intact', async ({ page }) => {
  await openTerminal(page);
  await sh(page, 'docker pull -q busybox');
  await sh(page, 'docker save busybox');
  await expectScreen(page, /cowardly refusing to save to a terminal\. Use the -o flag or redirect/);
  await sh(page, 'docker save busybox > b.tar && tar -tf b.tar | grep -c sha256/.');
  await expectScreen(page, /grep -c sha256\/\.\n4\n/);
  await sh(page, 'docker rmi busybox > /dev/null && docker load < b.tar');
  await expectScreen(page, /docker load < b\.tar\nLoaded image: busybox:latest\n/);
  await sh(page, 'docker save busybox | gzip > b.tgz && docker rmi busybox > /dev/null && docker load -i b.tgz');
  await expectScreen(page, /docker load -i b\.tgz\nLoaded image: busybox:latest\n/);
  await sh(page, "docker run --name box busybox sh -c 'echo hello > /hello.txt'");
  await sh(page, 'docker export box | docker import -m exported - flat:1');
  await expectScreen(page, /docker import -m exported - flat:1\nsha256:[0-9a-f]{64}\n/);
  await sh(page, "docker history --format '{{.Comment}}' flat:1");
  await expectScreen(page, /flat:1\nexported\n/);
  expect(await screenText(page)).not.toMatch(/Error|TypeError|stack/);
});
