import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectScreen, openTerminal, run, waitIdle } from './terminal.ts';

// Needs the real host with the Docker engine (the placeholder only echoes).
test('docker run hello-world greets from the first page', async ({ page }) => {
  await openTerminal(page);
  await run(page, 'docker run hello-world');
  try {
    await expectScreen(page, 'Hello from Docker!', 15_000);
    await waitIdle(page, 15_000);
  } finally {
    mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: 'docs/screenshots/first-page.png' });
  }
  await expect(page.locator('header h1')).toHaveText('Berth');
});
