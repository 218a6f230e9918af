// The interface speaks the browser's language (Simplified Chinese or
// English), a switch changes it and is remembered; Docker's output stays as
// Docker prints it.
import { expect, test } from '@playwright/test';
import { expectScreen, openTerminal, run, waitIdle } from './terminal.ts';

test.use({ locale: 'zh-CN' });

test('a Chinese browser gets the Chinese interface; the switch to English is kept across a reload; docker output stays English', async ({ page }) => {
  await openTerminal(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('tab', { name: '开始' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '生命周期' })).toBeVisible();
  await expect(page.locator('header')).toContainText('浏览器里的 Docker');
  await expectScreen(page, '一个在本浏览器标签页中模拟的 Docker 引擎。');

  await run(page, 'docker ps -a');
  await expectScreen(page, /CONTAINER ID\s+IMAGE\s+COMMAND\s+CREATED\s+STATUS\s+PORTS\s+NAMES/);
  await run(page, 'docker rmi nosuch');
  await expectScreen(page, 'Error response from daemon: No such image: nosuch:latest');
  await waitIdle(page);

  await page.locator('header select').selectOption('en');
  await expect(page.getByRole('tab', { name: 'Lifecycle' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await page.waitForFunction(() => window.__berth?.ready === true);
  await expect(page.getByRole('tab', { name: 'Lifecycle' })).toBeVisible();
  await expect(page.locator('header')).toContainText('Docker, in your browser');
  await expect(page.locator('header select')).toHaveValue('en');
  // the terminal's own banner is in the page's language; Docker's output is not
  await expectScreen(page, 'A Docker engine, simulated in this browser tab.');

  // and back: the switch to Chinese changes the page at once
  await page.locator('header select').selectOption('zh-CN');
  await expect(page.getByRole('tab', { name: '镜像与标签' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
