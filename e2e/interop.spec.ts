// An image saved by the real Docker engine, dropped on the page's terminal,
// loaded with docker load and browsed in the layers panel: its layers with
// the steps that made them, a symlink, and the whiteout a later layer left.
//
// The archive, e2e/fixtures/real-scratch.tar, was made by Docker 20.10.24
// (Debian's docker.io, legacy builder; client 28.2.2) with
// scripts/real-docker/make-fixture.mjs (e2e/fixtures/real-scratch.txt says
// which Docker made it and the image ID; run the script to remake it).
// `npm run interop` checks the same image's layers file by file against the
// real engine; this test checks that the page shows them.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectScreen, openTerminal, run, screenText, waitIdle } from './terminal.ts';

const FIXTURE = new URL('./fixtures/real-scratch.tar', import.meta.url);
const ABOUT = readFileSync(new URL('./fixtures/real-scratch.txt', import.meta.url), 'utf8');
const IMAGE_ID = /of image (sha256:[0-9a-f]{64})/.exec(ABOUT)![1]!;

test.describe.configure({ timeout: 90_000 });

/** Drops a file on the terminal in front, as a learner drags it from their desktop. */
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const target = page.locator('[role=tabpanel]:not([hidden]) .drop');
  const data = await page.evaluateHandle(
    ({ name, base64 }) => {
      const raw = atob(base64);
      const buf = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) buf[i] = raw.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([buf], name, { type: 'application/x-tar' }));
      return dt;
    },
    { name, base64: bytes.toString('base64') },
  );
  await target.dispatchEvent('dragenter', { dataTransfer: data });
  await target.dispatchEvent('dragover', { dataTransfer: data });
  await target.dispatchEvent('drop', { dataTransfer: data });
}

test("an archive saved by the real engine loads, and its layers' files show in the layers panel", async ({ page }) => {
  await openTerminal(page);
  await run(page, 'cd /tmp');
  await waitIdle(page);
  // dropped while the command line waits for a file name: the copy's name is typed there
  await page.keyboard.type('docker load -i ');
  await dropFile(page, 'real-scratch.tar', readFileSync(FIXTURE));
  await expect(page.getByTestId('drop-notice')).toHaveText('Copied real-scratch.tar into /tmp');
  await expectScreen(page, /docker load -i real-scratch\.tar$/);
  await page.keyboard.press('Enter');
  await waitIdle(page, 30_000);
  await expectScreen(page, /docker load -i real-scratch\.tar ?\nLoaded image: real-scratch:1\n/);
  await run(page, "docker image inspect --format '{{.Id}}' real-scratch:1");
  await waitIdle(page);
  await expectScreen(page, new RegExp(`\\n${IMAGE_ID}\\n`));
  // the same bytes dropped again are kept beside the first copy, never over it
  await dropFile(page, 'real-scratch.tar', readFileSync(FIXTURE));
  await expect(page.getByTestId('drop-notice')).toHaveText('Copied real-scratch-1.tar into /tmp');
  await page.keyboard.press('Control+u');
  // the copy is the fixture byte for byte: same size, and docker load checks every layer's digest
  const bytes = readFileSync(FIXTURE).length;
  await run(page, "ls -l real-scratch-1.tar | awk '{print $5}' && docker load -i real-scratch-1.tar");
  await waitIdle(page);
  await expectScreen(page, new RegExp(`\\n${bytes}\\nLoaded image: real-scratch:1\\n`));

  await page.getByRole('tab', { name: /^Layers$/ }).click();
  const picker = page.getByLabel('Show the layers of');
  const option = picker.locator('option', { hasText: 'real-scratch:1' });
  await picker.selectOption({ label: (await option.textContent())!.trim() });
  const stack = page.getByTestId('layer-stack');
  // three layers, each with the step of the real engine's legacy builder that made it
  await expect(stack.locator('li.layer')).toHaveCount(3);
  const layer = (n: number) => stack.locator('li.layer').filter({ has: page.getByText(`layer ${n}`, { exact: true }) });
  await expect(layer(0)).toContainText('COPY dir:');
  await expect(layer(1)).toContainText('/bin/rm /victim.txt');
  await expect(layer(2)).toContainText('COPY file:');

  // layer 0's own files: the symlinks and the empty directory as the real engine wrote them
  await layer(0).getByRole('button', { name: 'Files of this layer' }).click();
  const own0 = layer(0).getByRole('tree');
  await expect(own0.locator('.name[data-kind=symlink]', { hasText: /^link$/ })).toBeVisible();
  await expect(own0.getByRole('treeitem', { name: /victim\.txt/ })).toContainText('25B');
  await own0.getByRole('treeitem', { name: /^▸?\s*opt\// }).click();
  await expect(own0.locator('.name[data-kind=symlink]', { hasText: /^run$/ })).toBeVisible();
  await own0.getByRole('treeitem', { name: /^▸?\s*var\// }).click();
  await expect(own0.getByRole('treeitem', { name: /empty\// })).toBeVisible();
  await layer(0).getByRole('button', { name: 'Hide files' }).click();

  // layer 1 holds only the whiteout of the file it deleted
  await layer(1).getByRole('button', { name: 'Files of this layer' }).click();
  const own1 = layer(1).getByRole('tree');
  await expect(own1.getByRole('treeitem')).toHaveCount(1);
  await expect(own1.getByRole('treeitem', { name: /victim\.txt/ })).toContainText('whiteout');
  await expect(own1.locator('.name.struck')).toHaveText('victim.txt');

  // the merged view: the whiteout hides layer 0's file, the symlink shows
  const merged = page.getByTestId('merged-tree').getByRole('tree');
  await expect(merged.getByRole('treeitem', { name: /victim\.txt/ })).toContainText('whiteout: hides layer 0');
  await expect(merged.locator('.name[data-kind=symlink]', { hasText: /^link$/ })).toBeVisible();
  await merged.getByRole('treeitem', { name: /^▸?\s*opt\// }).click();
  await merged.getByRole('treeitem', { name: /^▸?\s*tool\// }).click();
  await merged.getByRole('treeitem', { name: /^▸?\s*data\// }).click();
  await expect(merged.getByRole('treeitem', { name: /late\.txt/ })).toContainText('layer 2');

  await page.screenshot({ path: 'docs/screenshots/interop-layers.png' });
  expect(await screenText(page)).not.toMatch(/Error|TypeError|stack/);
});
