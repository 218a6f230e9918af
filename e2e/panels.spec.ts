// The panels beside the terminal: a learner pulls and runs, changes a file in
// a container (the copy-up), stops and removes (the lifecycle), makes a
// dangling image, and looks at the registry; screenshots of each panel.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openTerminal, run, waitIdle } from './terminal.ts';

const SHOTS = 'docs/screenshots';

async function sh(page: Page, line: string, timeout = 20_000): Promise<void> {
  await page.locator('.xterm').click();
  await run(page, line);
  await waitIdle(page, timeout);
}

async function tab(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
// each test types a dozen command lines and waits for containers
test.describe.configure({ timeout: 90_000 });

test('layers: pull and run, then a write inside the container shows its copy-up', async ({ page }) => {
  await openTerminal(page);
  await sh(page, 'docker run -d --name box busybox sleep 1000');
  await tab(page, /^Layers$/);
  const stack = page.getByTestId('layer-stack');
  await expect(stack).toContainText('read-write layer');
  await expect(stack).toContainText('init layer');
  await expect(stack).toContainText('layer 0');
  await expect(stack).toContainText('ADD file:');
  await expect(page.getByTestId('fs-changes')).toContainText('Nothing yet');

  await sh(page, 'docker exec box sh -c "echo me:x:1:1::/:/bin/sh >> /etc/passwd; rm /etc/group"');
  const changes = page.getByTestId('fs-changes');
  await expect(changes).toContainText('copy-up');
  await expect(changes).toContainText('/etc/passwd');
  await expect(changes).toContainText('whiteout');

  // the merged tree, from the keyboard: find etc/, open it, and read where passwd comes from
  const tree = page.getByTestId('merged-tree').getByRole('tree');
  const etc = tree.getByRole('treeitem', { name: /^▸?\s*etc\// });
  await etc.focus();
  await page.keyboard.press('ArrowRight');
  await expect(etc).toHaveAttribute('aria-expanded', 'true');
  const passwd = tree.getByRole('treeitem', { name: /passwd/ });
  await expect(passwd).toContainText('copied up from layer 0');
  await expect(tree.getByRole('treeitem', { name: /group/ })).toContainText('whiteout: hides layer 0');
  await expect(tree.getByRole('treeitem', { name: /hostname/ })).toContainText('init layer');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAttribute('aria-level', '2');
  await page.keyboard.press('ArrowLeft');
  await expect(etc).toBeFocused();

  await page.getByTestId('merged-tree').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/panel-layers.png` });

  // the read-write layer's own files: the copied-up passwd and the whiteout
  const rw = stack.locator('li.layer.rw');
  await rw.getByRole('button', { name: 'Files of this layer' }).click();
  const own = rw.getByRole('tree');
  await own.getByRole('treeitem', { name: /etc\// }).click();
  await expect(own).toContainText('passwd');
  await expect(own.getByRole('treeitem', { name: /group/ })).toContainText('whiteout');

  // an image's own stack: the picker is a labelled native select
  await page.getByLabel('Show the layers of').selectOption({ label: 'busybox:latest  ' + (await imageShortId(page)) });
  await expect(stack).not.toContainText('read-write layer');
});

async function imageShortId(page: Page): Promise<string> {
  const label = await page.getByLabel('Show the layers of').locator('option', { hasText: 'busybox:latest' }).textContent();
  return label!.trim().split(/\s+/).at(-1)!;
}

test('lifecycle: stop and remove move the container along the diagram', async ({ page }) => {
  await openTerminal(page);
  await sh(page, 'docker run -d --name web busybox sleep 1000');
  await sh(page, 'docker create --name later busybox');
  await sh(page, 'docker run --name once busybox true');
  await tab(page, /^Lifecycle$/);
  const list = page.getByTestId('lifecycle-list');
  await expect(list).toContainText(/running\s*web/);
  await expect(list).toContainText(/created\s*later/);
  await expect(list).toContainText(/exited\s*once \(0\)/);

  await sh(page, 'docker pause web');
  await expect(list).toContainText(/paused\s*web/);
  await sh(page, 'docker unpause web');
  await sh(page, 'docker stop -t 1 web');
  await expect(list).toContainText(/exited\s*.*web \(137\)/);
  await page.waitForTimeout(800); // the token's move
  await page.screenshot({ path: `${SHOTS}/panel-lifecycle.png` });
  await sh(page, 'docker rm web');
  await expect(list).toContainText(/removed\s*web/);
  await expect(page.getByTestId('lifecycle-diagram')).toBeVisible();

  // a restart policy brings a failing container back, twice, then it stays exited
  await sh(page, 'docker run -d --restart on-failure:2 --name flaky busybox sh -c "sleep 1; exit 3"');
  await expect(list).toContainText(/running\s*flaky/);
  await expect(list.locator('.who', { hasText: 'flaky (3)' })).toHaveAttribute('title', 'restarted 2×, policy on-failure', { timeout: 15_000 });
  await expect(page.getByText(/flaky start/).first()).toBeVisible();
});

test('images: a commit moves a tag and leaves a dangling image that says why', async ({ page }) => {
  await openTerminal(page);
  await sh(page, 'docker run --name first busybox touch /one');
  await sh(page, 'docker commit first mybox');
  await sh(page, 'docker run --name second busybox touch /two');
  await sh(page, 'docker commit second mybox');
  await sh(page, 'docker run -d --name keep mybox sleep 1000');
  await tab(page, /^Images$/);
  const list = page.getByTestId('image-list');
  await expect(list).toContainText('<none>:<none>');
  await expect(list).toContainText(/dangling\s*tag mybox:latest moved to [0-9a-f]{12} by docker commit/);
  await expect(list).toContainText('keep running');
  await expect(list).toContainText(/shared with/);
  await page.screenshot({ path: `${SHOTS}/panel-images.png` });
});

test('registry: the catalogue, what is pulled, a manifest', async ({ page }) => {
  await openTerminal(page);
  await sh(page, 'docker pull busybox');
  await tab(page, /^Registry$/);
  await page.getByPlaceholder('Filter repositories').fill('busy');
  const repo = page.getByTestId('registry-list').locator('details', { has: page.locator('summary', { hasText: /^\W*busybox\b/ }) });
  await expect(repo.locator('summary')).toContainText('busybox');
  await expect(repo.locator('summary')).toContainText('pulled');
  await repo.locator('summary').focus();
  await page.keyboard.press('Enter');
  await repo.getByRole('button', { name: 'Manifest' }).first().click();
  await expect(repo).toContainText(/Digest\s*sha256:[0-9a-f]{64}/);
  await expect(repo).not.toContainText('points to');
  await page.getByPlaceholder('Filter repositories').fill('');
  await page.screenshot({ path: `${SHOTS}/panel-registry.png` });

  // a local commit takes the tag: the registry's image is no longer the local one
  await sh(page, 'docker run --name mine busybox touch /mine');
  await sh(page, 'docker commit mine busybox');
  await expect(repo).toContainText(/Your local busybox:latest points to [0-9a-f]{12}, not to this image/);
});

test('in Simplified Chinese', async ({ page }) => {
  // a learner who chose Chinese before: the terminal's banner is Chinese too (the switch itself: language.spec.ts)
  await page.addInitScript(() => localStorage.setItem('berth.locale', 'zh-CN'));
  await openTerminal(page);
  await sh(page, 'docker run -d --name box busybox sleep 1000');
  await sh(page, 'docker exec box sh -c "echo hi >> /etc/passwd"');
  await tab(page, /^镜像层$/);
  await expect(page.getByTestId('layer-stack')).toContainText('读写层');
  await expect(page.getByTestId('fs-changes')).toContainText('写时复制');
  await page.screenshot({ path: `${SHOTS}/panel-layers-zh-CN.png` });
  await tab(page, /^生命周期$/);
  await expect(page.getByTestId('lifecycle-list')).toContainText(/运行中\s*box/);
  await page.screenshot({ path: `${SHOTS}/panel-lifecycle-zh-CN.png` });
});

test('on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openTerminal(page);
  await sh(page, 'docker run -d --name box busybox sleep 1000');
  await sh(page, 'docker exec box sh -c "echo hi >> /etc/passwd"');
  await tab(page, /^Lifecycle$/);
  await expect(page.getByTestId('lifecycle-diagram')).toBeVisible();
  // the panels fit their column (the column itself is the page layout's business)
  const column = (await page.locator('aside').boundingBox())!;
  const box = (await page.getByTestId('lifecycle-diagram').boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(column.x + column.width);
  await page.getByTestId('lifecycle-diagram').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/panel-lifecycle-phone.png` });
  await tab(page, /^Layers$/);
  await expect(page.getByTestId('layer-stack')).toContainText('read-write layer');
  const stackBox = (await page.getByTestId('layer-stack').boundingBox())!;
  expect(stackBox.x + stackBox.width).toBeLessThanOrEqual(column.x + column.width);
  await page.getByTestId('layer-stack').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/panel-layers-phone.png` });
});
