// The registry panel follows the registries live: a registry:2 container
// appears under Private registries with what is pushed to it and goes when
// it stops; a push to Docker Hub after docker login appears under "Pushed by
// you". Screenshots in English and in Simplified Chinese.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openTerminal, run, screenText, waitIdle } from './terminal.ts';

const SHOTS = 'docs/screenshots';

async function sh(page: Page, line: string, timeout = 30_000): Promise<void> {
  await page.locator('[role=tabpanel]:not([hidden]) .xterm').click();
  await run(page, line);
  await waitIdle(page, timeout);
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
test.describe.configure({ timeout: 120_000 });

test('private registry and Docker Hub pushes, live', async ({ page }) => {
  await openTerminal(page);
  await page.getByRole('tab', { name: /^Registry$/ }).click();
  const priv = page.getByTestId('private-registries');
  await expect(priv.getByRole('heading', { name: 'Private registries on berth' })).toBeVisible();

  // nothing runs yet: the empty state types the command that starts one
  const empty = page.getByTestId('no-registry');
  await expect(empty).toContainText('No registry runs on this machine. Start one:');
  await empty.getByRole('button', { name: 'Type in the terminal: docker run -d -p 5000:5000 --name registry registry:2' }).click();
  await expect.poll(async () => (await screenText(page)).split('\n').at(-1)).toContain('docker run -d -p 5000:5000 --name registry registry:2');
  await page.keyboard.press('Enter');
  await waitIdle(page, 60_000);

  const server = priv.getByTestId('registry-server');
  await expect(server).toHaveCount(1);
  await expect(server).toContainText('localhost:5000');
  await expect(server).toContainText('running');
  await expect(server).toContainText('container registry (registry:2)');
  await expect(server).toContainText('Empty: nothing pushed here yet.');
  await expect(empty).toHaveCount(0);

  // a push shows up with the digest the push printed
  await sh(page, 'docker pull -q busybox && docker tag busybox localhost:5000/busybox && docker push localhost:5000/busybox');
  const digest = /latest: digest: (sha256:[0-9a-f]{64}) size/.exec(await screenText(page))![1]!;
  await expect(server).toContainText('busybox');
  await expect(priv.locator('[aria-live=polite]')).toHaveText('Private registries serving on this machine: 1; repositories they hold: 1.');
  const latest = server.locator('.tag-row', { hasText: 'latest' });
  await expect(latest).toContainText(digest.slice(0, 19));
  await expect(latest).toContainText('1 layer');
  await latest.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(latest).toContainText(digest);
  await expect(latest.locator('.layers li')).toHaveCount(1);
  await expect(latest.getByRole('button', { name: 'Type in the terminal: docker pull localhost:5000/busybox:latest' })).toBeVisible();

  // a second tag of the same image: the same manifest
  await sh(page, 'docker tag busybox localhost:5000/busybox:v2 && docker push -q localhost:5000/busybox:v2');
  await expect(server.locator('.tag-row', { hasText: 'v2' })).toContainText(digest.slice(0, 19));

  // Docker Hub takes a push after docker login, into the account's namespace
  const hub = page.getByTestId('hub-pushed');
  await expect(hub).toContainText('Nothing pushed to Docker Hub yet.');
  await sh(page, 'echo s3cret | docker login -u alice --password-stdin && docker tag busybox alice/box:v1 && docker push alice/box:v1');
  const hubDigest = /v1: digest: (sha256:[0-9a-f]{64}) size/.exec(await screenText(page))![1]!;
  await expect(hub).toContainText('alice/box');
  const v1 = hub.locator('.tag-row', { hasText: 'v1' });
  await expect(v1).toContainText(hubDigest.slice(0, 19));
  await expect(v1).toContainText('pushed from berth');
  await page.locator('.registry').evaluate((e) => e.closest('[role=tabpanel]')!.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/registry-panel.png` });

  // the other machine shares the Hub: its push appears here too (no event of this engine tells)
  await page.getByRole('button', { name: /Open a terminal on a second machine \(berth2\)/ }).click();
  await expect(page.getByRole('tab', { name: 'berth2: Terminal 1' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => page.evaluate(() => window.__berth!.tab(1).screenText()), { timeout: 20_000 }).toContain('root@berth2:~#');
  await waitIdle(page);
  await sh(page, 'echo s3cret | docker login -u alice --password-stdin >/dev/null && docker pull -q busybox && docker tag busybox alice/box:two && docker push -q alice/box:two');
  await expect.poll(() => page.evaluate(() => window.__berth!.tab(1).screenText()), { timeout: 30_000 }).toContain('docker.io/alice/box:two');
  const two = hub.locator('.tag-row', { hasText: 'two' });
  await expect(two).toContainText(hubDigest.slice(0, 19));
  await expect(two).not.toContainText('pushed from berth');
  await page.getByRole('tab', { name: 'Terminal 1', exact: true }).click();
  await waitIdle(page);

  // the container stops: nothing serves localhost:5000 any more
  await sh(page, 'docker stop registry');
  await expect(server).toHaveCount(0);
  await expect(empty).toBeVisible();
  await expect(priv.locator('[aria-live=polite]')).toHaveText('Private registries serving on this machine: 0; repositories they hold: 0.');
  const stopped = page.getByTestId('stopped-registry');
  await expect(stopped).toContainText('Container registry is exited');
  // the name is taken: the empty state offers docker start, not a second docker run
  await expect(empty.getByRole('button')).toHaveCount(0);
  await sh(page, 'docker pull localhost:5000/busybox');
  await expect.poll(() => screenText(page)).toContain('connect: connection refused');

  // started again, it serves what it stored (its file system kept it)
  await stopped.getByRole('button', { name: 'Type in the terminal: docker start registry' }).click();
  await page.keyboard.press('Enter');
  await waitIdle(page);
  await expect(server).toHaveCount(1);
  await expect(server.locator('.tag-row', { hasText: 'latest' })).toContainText(digest.slice(0, 19));
  await expect(stopped).toHaveCount(0);

  await page.locator('header select').selectOption('zh-CN');
  await expect(priv.getByRole('heading', { name: 'berth 上的私有仓库' })).toBeVisible();
  await expect(server).toContainText('运行中');
  await expect(server).toContainText('容器 registry');
  await expect(hub).toContainText('从 berth 推送');
  await server.locator('.tag-row', { hasText: 'latest' }).locator('summary').click();
  await page.locator('.registry').evaluate((e) => e.closest('[role=tabpanel]')!.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/registry-panel-zh.png` });

  // on a phone the panel stacks under the terminal, nothing wider than the screen
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.locator('.registry').evaluate((e) => e.scrollWidth - e.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
