// The page while it loads: the boot prompt (index.html's, drawn before the
// page's first script has run) takes keys, and the terminal takes them over
// exactly once, on the same screen.
import { expect, test, type Page } from '@playwright/test';
import { expectScreen, screenText, waitIdle } from './terminal.ts';

declare global {
  interface Window {
    __berthBoot?: { readyAt: number; takenAt: number | null };
  }
}

/** Opens the page with its first script held back until `release()`: the boot prompt alone is there. */
async function openHeld(page: Page): Promise<{ release: () => void }> {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__berthBoot !== undefined);
  return { release };
}

/** The rows the boot prompt shows (text and top edge). */
function bootRows(page: Page): Promise<Array<{ text: string; top: number; left: number }>> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.boot-screen > div'), (row) => {
      const r = row.getBoundingClientRect();
      return { text: (row.textContent ?? '').trimEnd(), top: r.top, left: r.left };
    }),
  );
}

/** xterm's first rows (text and top edge). */
function xtermRows(page: Page, n: number): Promise<Array<{ text: string; top: number; left: number }>> {
  return page.evaluate(
    (count) =>
      Array.from(document.querySelectorAll('[role=tabpanel]:not([hidden]) .xterm-rows > div'))
        .slice(0, count)
        .map((row) => {
          const r = row.getBoundingClientRect();
          return { text: (row.textContent ?? '').trimEnd(), top: r.top, left: r.left };
        }),
    n,
  );
}

const taken = (page: Page) => page.waitForFunction(() => window.__berthBoot?.takenAt != null && window.__berth?.ready === true, undefined, { timeout: 20_000 });

/** Lines of the screen equal to `line`. */
const count = (text: string, line: string) => text.split('\n').filter((l) => l.trimEnd() === line).length;

test('the boot prompt takes keys before the page script has run, and a command typed there runs once', async ({ page }) => {
  const { release } = await openHeld(page);
  const input = page.getByRole('textbox', { name: 'Terminal' });
  await expect(input).toBeFocused();
  await expect(page.locator('.boot-screen')).toContainText('root@berth:~#');
  await page.keyboard.type('echo early-one');
  await page.keyboard.press('Enter');
  // typed ahead while that command waits for the engine: it stays on the next prompt
  await page.keyboard.type('echo early-two');
  const rows = await bootRows(page);
  expect(rows.map((r) => r.text)).toEqual(['A Docker engine, simulated in this browser tab. Try docker run hello-world', '', 'root@berth:~# echo early-one', '']);

  release();
  await taken(page);
  await waitIdle(page, 20_000);
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('[role=tabpanel]:not([hidden]) .xterm-helper-textarea')).toBeFocused();
  const text = await screenText(page);
  expect(count(text, 'root@berth:~# echo early-one')).toBe(1);
  expect(count(text, 'early-one')).toBe(1);
  expect(text.split('\n').at(-1)).toBe('root@berth:~# echo early-two');
  await page.keyboard.press('Enter');
  await expectScreen(page, /^early-two$/m);
  await waitIdle(page);
  const after = await screenText(page);
  expect(count(after, 'early-one')).toBe(1);
  expect(count(after, 'early-two')).toBe(1);
});

test('keys typed across the take-over are neither lost nor doubled', async ({ page }) => {
  const { release } = await openHeld(page);
  await page.keyboard.type('echo "a b', { delay: 10 });
  release();
  // typed while the page's script arrives, runs and takes over
  await page.keyboard.type('c d" one; echo two', { delay: 25 });
  await taken(page);
  await page.keyboard.press('Enter');
  await expectScreen(page, /^two$/m, 20_000);
  await waitIdle(page);
  const text = await screenText(page);
  expect(count(text, 'root@berth:~# echo "a bc d" one; echo two')).toBe(1);
  expect(count(text, 'a bc d one')).toBe(1);
  expect(count(text, 'two')).toBe(1);
});

test('editing at the boot prompt: Backspace, the arrows, Ctrl-C, go over as typed', async ({ page }) => {
  const { release } = await openHeld(page);
  await page.keyboard.type('echo zzz');
  await page.keyboard.press('Control+C');
  await page.keyboard.type('echo abcd');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('X');
  const before = (await bootRows(page)).map((r) => r.text);
  expect(before.slice(2)).toEqual(['root@berth:~# echo zzz^C', 'root@berth:~# echo abXc']);
  release();
  await taken(page);
  await waitIdle(page, 20_000);
  await expect.poll(async () => (await xtermRows(page, 4)).map((r) => r.text)).toEqual(before);
  await page.keyboard.press('Enter');
  await expectScreen(page, /^abXc$/m);
});

test('xterm draws the boot prompt screen at the same places', async ({ page }) => {
  const { release } = await openHeld(page);
  await page.keyboard.type('docker');
  const boot = await bootRows(page);
  release();
  await taken(page);
  await waitIdle(page, 20_000);
  // xterm draws its rows in the frame after it parsed them
  await expect.poll(async () => (await xtermRows(page, boot.length)).map((r) => r.text)).toEqual(boot.map((r) => r.text));
  const xterm = await xtermRows(page, boot.length);
  for (const [i, row] of xterm.entries()) {
    expect(Math.abs(row.top - boot[i]!.top)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(row.left - boot[i]!.left)).toBeLessThanOrEqual(0.5);
  }
});

test('a page whose script does not load says so under its boot prompt', async ({ page }) => {
  await page.route(/\/assets\/index-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('.boot-screen')).toContainText(/Berth could not start: .*index-.*\.js did not load/);
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the boot prompt speaks the page language and xterm takes over the same screen', async ({ page }) => {
    const { release } = await openHeld(page);
    await expect(page.getByRole('textbox', { name: '终端' })).toBeFocused();
    await expect(page.locator('.boot-tagline')).toHaveText('浏览器里的 Docker');
    await page.keyboard.type('ls');
    const boot = await bootRows(page);
    expect(boot[0]!.text).toContain('一个在本浏览器标签页中模拟的 Docker 引擎');
    release();
    await taken(page);
    await waitIdle(page, 20_000);
    const spaced = (rows: Array<{ text: string }>) => rows.map((r) => r.text.replace(/ +/g, ' '));
    await expect.poll(async () => spaced(await xtermRows(page, boot.length))).toEqual(spaced(boot));
    const xterm = await xtermRows(page, boot.length);
    for (const [i, row] of xterm.entries()) expect(Math.abs(row.top - boot[i]!.top)).toBeLessThanOrEqual(0.5);
  });
});
