// The workspace in IndexedDB: a reload finds everything; a page killed in the
// middle of a command comes back to a saved boundary; two tabs never share
// the engine; a full disk keeps Berth working in memory; reset, export and
// import.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectScreen, run, screenText, waitIdle } from './terminal.ts';

// the machine may be shared with other browsers: generous time per test
test.describe.configure({ timeout: 120_000 });

/** Waits until the last command's save has landed. */
async function saved(page: Page): Promise<void> {
  await waitIdle(page, 20_000);
  await expect(page.locator('header [data-state]')).toHaveAttribute('data-state', 'saved');
}

/** Runs a command line and returns what it printed (between the line and the next prompt). */
async function output(page: Page, line: string): Promise<string> {
  const before = (await screenText(page)).length;
  await run(page, line);
  await waitIdle(page, 20_000);
  const text = (await screenText(page)).slice(before);
  const lines = text.split('\n');
  // drop the command line itself and the prompt after the output
  return lines.slice(1, -1).join('\n');
}

/** Waits for the prompt of a page that is loading (or restarting) and clicks into its terminal. */
async function prompt(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__berth?.ready === true, undefined, { timeout: 20_000 });
  await waitIdle(page);
  await page.locator('.xterm:visible').first().click();
}

async function openTerminal(page: Page): Promise<void> {
  await page.goto('/');
  await prompt(page);
}

async function reopen(page: Page): Promise<void> {
  await page.reload();
  await prompt(page);
}

test('a reload finds everything: images, tags, containers Up, their files, files at the prompt, history, the clock', async ({ page }) => {
  await openTerminal(page);
  await run(page, 'docker pull busybox');
  await expectScreen(page, /Status: Downloaded newer image for busybox:latest/, 20_000);
  await run(page, 'docker run -d --name web busybox sleep 100000');
  await waitIdle(page, 20_000);
  await run(page, `docker exec web sh -c 'echo made inside > /inside.txt'`);
  await waitIdle(page);
  await run(page, 'docker tag busybox my/box:v1');
  await waitIdle(page);
  await run(page, 'echo made at the prompt > notes.txt');
  await saved(page);
  const created = await output(page, 'docker ps --format "{{.Names}} {{.CreatedAt}}"');
  expect(created).toMatch(/^web \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
  await page.waitForTimeout(1_200);
  await run(page, 'docker images --format "{{.Repository}}:{{.Tag}}" | sort');
  await saved(page);

  await reopen(page);
  expect(await output(page, 'docker images --format "{{.Repository}}:{{.Tag}}" | sort')).toBe('busybox:latest\nmy/box:v1');
  expect(await output(page, 'docker ps --format "{{.Names}} {{.Status}}"')).toMatch(/^web Up \d+ seconds?$/);
  // the same creation time, and time went on: not "Less than a second ago" again
  expect(await output(page, 'docker ps --format "{{.Names}} {{.CreatedAt}}"')).toBe(created);
  expect(await output(page, 'docker ps --format "{{.RunningFor}}"')).toMatch(/^\d+ seconds ago$/);
  expect(await output(page, 'docker exec web cat /inside.txt')).toBe('made inside');
  expect(await output(page, 'cat notes.txt')).toBe('made at the prompt');
  // ↑ recalls the history saved with the engine
  await run(page, 'true');
  await waitIdle(page);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await screenText(page)).split('\n').at(-1)).toMatch(/cat notes\.txt$/);
});

test('a page killed in the middle of a command reloads to a saved boundary, never a mix', async ({ context, page }) => {
  test.setTimeout(240_000);
  await openTerminal(page);
  await run(page, 'docker pull busybox');
  await waitIdle(page, 20_000);
  await saved(page);
  let current = page;
  let expected = 0;
  const outcomes: string[] = [];
  // the loop takes about 6 s (a container every half second): killed while
  // it runs, the page comes back as before the command (nothing is saved
  // while a command line is half-way); killed after, with all 12 and the
  // line in the history; never a part of the loop
  for (const delay of [200, 2_000, 5_800, 8_000]) {
    const from = expected + 1;
    const to = expected + 12;
    await run(current, `for i in $(seq ${from} ${to}); do docker run -d --name c$i busybox sleep 1000 >/dev/null; sleep 0.5; done`);
    if (delay) await current.waitForTimeout(delay);
    const cdp = await context.newCDPSession(current);
    const crashed = current.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    await current.close().catch(() => undefined);

    current = await context.newPage();
    await openTerminal(current);
    // the history was saved in the same transactions: ↑ first, before
    // any other command: once any container of this loop is back, ↑ gives the loop's line
    const line = `for i in $(seq ${from} ${to});`;
    await current.keyboard.press('ArrowUp');
    await expect.poll(async () => (await screenText(current)).split('\n').at(-1) ?? '').toMatch(/# \S/);
    const recalled = (await screenText(current)).split('\n').at(-1) ?? '';
    await current.keyboard.press('Control+U');
    const names = (await output(current, 'docker ps -a --format "{{.Names}}"')).split('\n').filter(Boolean);
    const numbers = names.map((n) => Number(n.slice(1))).sort((a, b) => a - b);
    // before or after the command, never a part of it
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect([expected, to]).toContain(numbers.length);
    if (numbers.length > expected) expect(recalled).toContain(line);
    // each one that came back is whole: inspect reads it, ps sees it running
    if (numbers.length) {
      const last = `c${numbers.length}`;
      expect(await output(current, `docker inspect --format '{{.Name}} {{.State.Status}}' ${last}`)).toBe(`/${last} running`);
    }
    outcomes.push(`${delay} ms: ${numbers.length - expected} of 12${recalled.includes(line) ? ', line in history' : ''}`);
    expected = numbers.length;
  }
  test.info().annotations.push({ type: 'killed mid-loop', description: outcomes.join('; ') });
  console.log(outcomes.join('\n'));
});

test('two tabs: the second says so and takes no input until it takes the workspace over', async ({ context, page }) => {
  await openTerminal(page);
  await run(page, 'docker run --name first hello-world >/dev/null');
  await saved(page);

  const second = await context.newPage();
  await second.goto('/');
  const notice = second.getByRole('dialog', { name: 'Berth is open in another tab' });
  await expect(notice).toBeVisible();
  // the notice is modal: typing goes nowhere, there is no prompt behind it
  await second.keyboard.type('docker ps -a');
  await second.keyboard.press('Enter');
  await expect(notice).toBeVisible();
  expect(await second.evaluate(() => window.__berth?.ready ?? false)).toBe(false);

  await notice.getByRole('button', { name: 'Use Berth here' }).click();
  await prompt(second);
  // the first tab saved and stepped aside
  await expect(page.getByRole('dialog', { name: 'Berth moved to another tab' })).toBeVisible();
  expect(await output(second, 'docker ps -a --format "{{.Names}} {{.Image}}"')).toBe('first hello-world');
  await run(second, 'docker run --name second hello-world >/dev/null');
  await saved(second);

  // and back: the first tab restarts on what the second saved
  await page.getByRole('button', { name: 'Use Berth here' }).click();
  await prompt(page);
  await expect(second.getByRole('dialog', { name: 'Berth moved to another tab' })).toBeVisible();
  expect(await output(page, 'docker ps -a --format "{{.Names}}" | sort')).toBe('first\nsecond');
});

/**
 * Gives the page's origin a small storage quota. Chromium reads the quota
 * when the origin first opens IndexedDB, so this is set before the page
 * loads (on a blank document of the same origin).
 */
async function smallQuota(context: BrowserContext, page: Page, bytes: number): Promise<void> {
  await page.goto('/favicon.svg');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: bytes });
}

const NOT_SAVING = "Your work is not being saved: the browser's storage for this site is full. Berth keeps working in this tab.";

test('a full disk: a clear message, Berth keeps working in memory, a reload finds the last save that landed', async ({ context, page }) => {
  // 1 MB: the workspace fits, a 1.5 MB file at the prompt does not
  await smallQuota(context, page, 1_000_000);
  await openTerminal(page);
  await run(page, 'docker run --name before hello-world >/dev/null');
  await saved(page);
  await run(page, 'yes abcdefgh | head -c 1500000 > big.txt; docker run --name after hello-world >/dev/null');
  await waitIdle(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(NOT_SAVING);
  await expect(page.locator('header [data-state]')).toHaveAttribute('data-state', 'memory');
  await expect(page.locator('header [data-state]')).toHaveText('Not saved');
  // still working, in memory
  expect(await output(page, 'docker ps -a --format "{{.Names}}" | sort; wc -c < big.txt')).toBe('after\nbefore\n1500000');

  // the database kept the last save that landed
  await reopen(page);
  expect(await output(page, 'docker ps -a --format "{{.Names}}"; ls')).toBe('before');
  await expect(page.locator('header [data-state]')).toHaveAttribute('data-state', 'saved');

  // full again; room made; Try again writes everything
  await run(page, 'yes abcdefgh | head -c 1500000 > big.txt; docker run --name later hello-world >/dev/null');
  await waitIdle(page);
  await expect(alert).toContainText(NOT_SAVING);
  await run(page, 'rm big.txt');
  await waitIdle(page);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('header [data-state]')).toHaveAttribute('data-state', 'saved');
  await expect(alert).toHaveCount(0);
  await reopen(page);
  expect(await output(page, 'docker ps -a --format "{{.Names}}" | sort')).toBe('before\nlater');
});

test('no room at all: the first save fails, Berth says so and runs in memory', async ({ context, page }) => {
  await smallQuota(context, page, 1);
  await openTerminal(page);
  await expect(page.getByRole('alert')).toContainText(NOT_SAVING);
  expect(await output(page, 'docker run --rm hello-world 2>/dev/null | head -2')).toBe('\nHello from Docker!');
  await page.getByRole('alert').getByRole('button', { name: 'Hide' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('header [data-state]')).toHaveText('Not saved');
});

test('no IndexedDB (a private window): Berth says its work is not saved and runs in memory', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    });
  });
  await openTerminal(page);
  await expect(page.getByRole('alert')).toContainText('Your work is not being saved: this browser does not let the page store data');
  expect(await output(page, 'docker run --rm hello-world 2>/dev/null | head -2')).toBe('\nHello from Docker!');
});

test('export, reset, import: everything comes back; a file that is not a workspace changes nothing', async ({ page }, testInfo) => {
  await openTerminal(page);
  await run(page, 'docker pull busybox && docker tag busybox kept:1');
  await waitIdle(page, 20_000);
  await run(page, 'docker run -d --name keeper busybox sleep 100000 && echo note > here.txt');
  await saved(page);

  // export
  await page.getByRole('button', { name: 'Workspace' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export to a file' }).click();
  const download = await downloading;
  const file = testInfo.outputPath('berth-workspace.tar.gz');
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/^berth-workspace-\d{4}-\d\d-\d\d-\d{4}\.tar\.gz$/);

  // reset, after a confirmation naming what is lost; the language choice stays
  await page.evaluate(() => localStorage.setItem('berth.locale', 'en'));
  await page.getByRole('button', { name: 'Workspace' }).click();
  await page.getByRole('menuitem', { name: 'Reset…' }).click();
  const reset = page.getByRole('dialog', { name: 'Reset the workspace?' });
  await expect(reset).toContainText('images, containers and their files, files at the prompt, and the command history');
  await reset.getByRole('button', { name: 'Delete everything and restart' }).click();
  await prompt(page);
  expect(await output(page, 'docker ps -a -q; docker images -q; ls')).toBe('');
  expect(await page.evaluate(() => localStorage.getItem('berth.locale'))).toBe('en');

  // a file that is not a workspace: the error, and nothing changed
  await run(page, 'docker run --name fresh hello-world >/dev/null');
  await saved(page);
  await page.getByTestId('workspace-import').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a workspace\n') });
  const problem = page.getByRole('dialog', { name: 'This file cannot be imported' });
  await expect(problem).toContainText('“notes.txt”');
  await expect(problem).toContainText('Nothing was changed.');
  await problem.getByRole('button', { name: 'Close' }).click();
  expect(await output(page, 'docker ps -a --format "{{.Names}}"')).toBe('fresh');

  // import: confirm, restart on it
  await page.getByTestId('workspace-import').setInputFiles({ name: 'berth-workspace.tar.gz', mimeType: 'application/gzip', buffer: await readFile(file) });
  const confirm = page.getByRole('dialog', { name: 'Replace your workspace?' });
  await expect(confirm).toContainText('“berth-workspace.tar.gz”');
  await confirm.getByRole('button', { name: 'Replace and restart' }).click();
  await prompt(page);
  expect(await output(page, 'docker images --format "{{.Repository}}:{{.Tag}}" | sort')).toBe('busybox:latest\nkept:1');
  expect(await output(page, 'docker ps --format "{{.Names}} {{.Status}}"')).toMatch(/^keeper Up \d+ seconds?$/);
  expect(await output(page, 'cat here.txt')).toBe('note');
  // and it is saved: a reload keeps it
  await reopen(page);
  expect(await output(page, 'docker ps -a --format "{{.Names}}"')).toBe('keeper');
});

// The workspace's interface in both languages, for the README and for looking at.
for (const locale of ['en', 'zh-CN'] as const) {
  test(`screenshots (${locale}): the menu, the dialogs, the other-tab notice, the not-saving message`, async ({ context, page }) => {
    const shot = (name: string, p: Page = page) => p.screenshot({ path: `docs/screenshots/workspace-${name}-${locale}.png` });
    await context.addInitScript((l) => localStorage.setItem('berth.locale', l), locale);
    await smallQuota(context, page, 1_000_000);
    await openTerminal(page);
    await run(page, 'docker run --name hello hello-world >/dev/null; docker images');
    await saved(page);

    await page.locator('header button[aria-haspopup=menu]').click();
    await expect(page.getByRole('menu')).toBeVisible();
    await shot('menu');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeVisible();
    await shot('reset');
    await page.keyboard.press('Escape');

    await page.getByTestId('workspace-import').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a workspace\n') });
    await expect(page.getByRole('dialog')).toBeVisible();
    await shot('import-error');
    await page.keyboard.press('Escape');
    await page.locator('.xterm:visible').first().click();

    await run(page, 'yes abcdefgh | head -c 1500000 > big.txt');
    await expect(page.getByRole('alert')).toBeVisible();
    await shot('not-saving');

    await run(page, 'rm big.txt');
    await waitIdle(page);
    await page.getByRole('alert').getByRole('button').first().click();
    await expect(page.locator('header [data-state]')).toHaveAttribute('data-state', 'saved');
    const second = await context.newPage();
    await second.goto('/');
    await expect(second.getByRole('dialog')).toBeVisible();
    await shot('other-tab', second);
  });
}

test('a saved workspace that cannot be restored: a fresh engine, the old data kept until downloaded or discarded', async ({ page }) => {
  await openTerminal(page);
  await run(page, 'docker run --name old hello-world >/dev/null');
  await saved(page);
  // damage the engine's meta record in the database
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('berth-workspace');
        open.onsuccess = () => {
          const tx = open.result.transaction('records', 'readwrite');
          tx.objectStore('records').put('not a meta record', 'meta');
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await reopen(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Your saved workspace could not be restored');
  // Berth works on a fresh engine, and does not save over the old data
  expect(await output(page, 'docker ps -a -q')).toBe('');
  await run(page, 'docker run --name fresh hello-world >/dev/null');
  await waitIdle(page);
  await expect(page.locator('header [data-state]')).toHaveAttribute('data-state', 'memory');
  await reopen(page);
  await expect(alert).toContainText('Your saved workspace could not be restored');
  // the old data can be downloaded as a workspace file
  const downloading = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download the saved workspace' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/\.tar\.gz$/);
  // discarded: the fresh engine is saved from now on
  await alert.getByRole('button', { name: 'Discard it and save from now on' }).click();
  await expect(page.locator('header [data-state]')).toHaveAttribute('data-state', 'saved');
  await expect(alert).toHaveCount(0);
  await page.locator('.xterm:visible').first().click();
  await run(page, 'docker run --name kept hello-world >/dev/null');
  await saved(page);
  await reopen(page);
  expect(await output(page, 'docker ps -a --format "{{.Names}}"')).toBe('kept');
});
