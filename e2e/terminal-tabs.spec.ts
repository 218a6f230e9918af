// The terminal as a user drives it: Tab completion, a second tab on the same
// host, Ctrl-D, resizing, and escape sequences that must not reach the
// clipboard or open links.
import { expect, test, type Page } from '@playwright/test';
import { expectScreen, lastLine, openTerminal, run, screenText, waitIdle } from './terminal.ts';

const PROMPT = 'root@berth:~# ';

async function tab(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
}

/** The line after a completion that should end with a space (the screen's text drops trailing blanks): types a mark after it. */
async function expectLineWithSpace(page: Page, line: string): Promise<void> {
  await page.keyboard.type('#');
  await expect.poll(() => lastLine(page)).toBe(`${line} #`);
  await page.keyboard.press('Backspace');
}

function terminalTabs(page: Page) {
  return page.getByRole('tablist', { name: 'Terminals' });
}

test.describe.configure({ timeout: 90_000 });

/** The screen of tab i (0 is the first). */
function tabText(page: Page, i: number): Promise<string> {
  return page.evaluate((n) => window.__berth!.tab(n).screenText(), i);
}

async function setUp(page: Page): Promise<void> {
  await openTerminal(page);
  await run(page, 'docker pull -q busybox && docker run -d --name web busybox sleep 1000 && mkdir -p app/src && touch app/Dockerfile');
  await waitIdle(page, 30_000);
}

test('completing with Tab: a subcommand, a flag, a container, an image, a path, and the list on a second Tab', async ({ page }) => {
  await setUp(page);

  // a subcommand: the common prefix and the bell, then the list under the line
  await page.keyboard.type('docker ima');
  await tab(page);
  await expect.poll(() => lastLine(page)).toBe(`${PROMPT}docker image`);
  await tab(page);
  await expectScreen(page, /docker image\nimage +images\nroot@berth:~# docker image$/);
  await page.keyboard.type('s');
  await tab(page);
  await expectLineWithSpace(page, `${PROMPT}docker images`);
  await page.keyboard.press('Control+U');

  // a flag from run's definitions
  await page.keyboard.type('docker run --rm --na');
  await tab(page);
  await expectLineWithSpace(page, `${PROMPT}docker run --rm --name`);
  await page.keyboard.press('Control+U');

  // a running container's name
  await page.keyboard.type('docker stop w');
  await tab(page);
  await expectLineWithSpace(page, `${PROMPT}docker stop web`);
  await page.keyboard.press('Control+U');

  // an image where run expects one
  await page.keyboard.type('docker run -it b');
  await tab(page);
  await expectLineWithSpace(page, `${PROMPT}docker run -it busybox:latest`);
  await page.keyboard.press('Control+U');

  // paths: a directory ends with /, a file with a space
  await page.keyboard.type('cat ap');
  await tab(page);
  await expect.poll(() => lastLine(page)).toBe(`${PROMPT}cat app/`);
  // right after a completion, the next Tab lists at once (readline)
  await tab(page);
  await expectScreen(page, /cat app\/\nDockerfile +src\/\nroot@berth:~# cat app\/$/);
  await page.keyboard.type('D');
  await tab(page);
  await expectLineWithSpace(page, `${PROMPT}cat app/Dockerfile`);
  await page.keyboard.press('Control+U');

  // the list of docker's commands, for the screenshot
  await page.keyboard.type('docker ');
  await tab(page);
  await tab(page);
  await expectScreen(page, /container[\s\S]*root@berth:~# docker ?$/);
  await page.locator('.terminal-pane').screenshot({ path: 'docs/screenshots/terminal-completion.png' });

  // the line still runs as typed
  await page.keyboard.press('Control+U');
  await page.keyboard.type('docker ps --fo');
  await tab(page);
  await page.keyboard.type("'{{.Names}}'");
  await page.keyboard.press('Enter');
  await waitIdle(page);
  expect(await screenText(page)).toMatch(/docker ps --format '\{\{\.Names\}\}'\nweb\n/);
});

test('a second tab on the same host: attach to a container the first tab runs, typing shows in both', async ({ page }) => {
  await setUp(page);
  await run(page, 'docker run -it --name shared busybox');
  await expectScreen(page, /\/ # ?$/, 20_000);

  await page.getByRole('button', { name: 'Open another terminal on the same host' }).click();
  await expect(terminalTabs(page).getByRole('tab', { name: 'Terminal 2' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => page.evaluate(() => window.__berth!.active())).toBe(1);
  await waitIdle(page);
  await page.locator('[role=tabpanel]:not([hidden]) .xterm').click();

  // the history is shared: Up recalls what tab 1 ran
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => lastLine(page)).toBe(`${PROMPT}docker run -it --name shared busybox`);
  await page.keyboard.press('Control+U');

  await run(page, 'docker attach shared');
  await page.keyboard.type('echo from-tab-2');
  await page.keyboard.press('Enter');
  await expect.poll(() => tabText(page, 1), { timeout: 10_000 }).toMatch(/from-tab-2\n\/ # ?$/);
  await expect.poll(() => tabText(page, 0), { timeout: 10_000 }).toMatch(/from-tab-2/);
  await page.locator('.terminal-pane').screenshot({ path: 'docs/screenshots/terminal-tabs.png' });

  // back to tab 1 with the keyboard: its terminal still holds the container
  await terminalTabs(page).getByRole('tab', { name: 'Terminal 2' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(terminalTabs(page).getByRole('tab', { name: 'Terminal 1' })).toHaveAttribute('aria-selected', 'true');
  await page.locator('[role=tabpanel]:not([hidden]) .xterm').click();
  await page.keyboard.type('echo from-tab-1');
  await page.keyboard.press('Enter');
  await expect.poll(() => tabText(page, 0)).toMatch(/from-tab-1\n\/ # ?$/);
  await expect.poll(() => tabText(page, 1)).toMatch(/from-tab-1/);
  // the container's terminal has no completion from the page: Tab is a byte for it
  await tab(page);
  expect(await tabText(page, 0)).not.toMatch(/image +images/);
});

test('Ctrl-D: exit on an empty prompt closes an extra tab, keeps the only one with a hint, deletes a character on a line', async ({ page }) => {
  await openTerminal(page);
  await page.keyboard.type('echo abc');
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+D');
  await expect.poll(() => lastLine(page)).toBe(`${PROMPT}cho abc`);
  await page.keyboard.press('End');
  await page.keyboard.press('Control+U');

  await page.keyboard.press('Control+D');
  await expectScreen(page, /root@berth:~# exit\nThis is the only terminal, so it stays open\.[^\n]*\nroot@berth:~# ?$/);
  expect(await page.evaluate(() => window.__berth!.tabs())).toBe(1);

  await page.getByRole('button', { name: 'Open another terminal on the same host' }).click();
  await expect.poll(() => page.evaluate(() => window.__berth!.tabs())).toBe(2);
  await waitIdle(page);
  await page.locator('[role=tabpanel]:not([hidden]) .xterm').click();
  await page.keyboard.press('Control+D');
  await expect.poll(() => page.evaluate(() => window.__berth!.tabs())).toBe(1);
  await expect(terminalTabs(page).getByRole('tab')).toHaveCount(1);
  await expect(terminalTabs(page).getByRole('tab', { name: 'Terminal 1' })).toHaveAttribute('aria-selected', 'true');

  // `exit` does the same
  await page.getByRole('button', { name: 'Open another terminal on the same host' }).click();
  await expect.poll(() => page.evaluate(() => window.__berth!.tabs())).toBe(2);
  await waitIdle(page);
  await page.locator('[role=tabpanel]:not([hidden]) .xterm').click();
  await run(page, 'exit');
  await expect.poll(() => page.evaluate(() => window.__berth!.tabs())).toBe(1);

  // a program reading: Ctrl-D is end of input
  await page.locator('[role=tabpanel]:not([hidden]) .xterm').click();
  await run(page, 'cat');
  await page.keyboard.type('typed');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+D');
  await waitIdle(page);
  expect(await screenText(page)).toMatch(/# cat\ntyped\ntyped\nroot@berth:~# ?$/);
});

test('resizing: the editor wraps the line at the new width', async ({ page }) => {
  await openTerminal(page);
  const wide = await page.evaluate(() => window.__berth!.columns());
  await page.setViewportSize({ width: 560, height: 700 });
  await expect.poll(() => page.evaluate(() => window.__berth!.columns())).toBeLessThan(wide);
  const cols = await page.evaluate(() => window.__berth!.columns());
  const long = 'echo ' + 'abcdefghij'.repeat(Math.ceil((cols * 2) / 10));
  await page.keyboard.type(long);
  await expect.poll(() => lastLine(page)).toBe(PROMPT + long);
  // edit at the start of the line, two rows up, and at the end again
  await page.keyboard.press('Home');
  await page.keyboard.type('X');
  await page.keyboard.press('End');
  await page.keyboard.type('Y');
  await expect.poll(() => lastLine(page)).toBe(`${PROMPT}X${long}Y`);
  await page.keyboard.press('Home');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter');
  await waitIdle(page);
  expect(await screenText(page)).toContain(long.slice(5) + 'Y\n' + PROMPT.trimEnd());
});

test('escape sequences in output cannot touch the clipboard or open a link without a click', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __calls: string[] };
    w.__calls = [];
    Object.defineProperty(navigator, 'clipboard', {
      value: {
        writeText: async (t: string) => void w.__calls.push(`clipboard:${t}`),
        readText: async () => (w.__calls.push('clipboard-read'), ''),
      },
    });
    window.open = ((url?: string | URL) => (w.__calls.push(`open:${String(url)}`), null)) as typeof window.open;
  });
  await openTerminal(page);
  await run(page, "printf '\\033]52;c;aGVsbG8=\\007\\033]52;c;?\\007osc52-done\\n'");
  await waitIdle(page);
  await run(page, "printf '\\033]8;;https://docs.docker.com/\\033\\\\the-docs\\033]8;;\\033\\\\ and javascript:alert(1)\\n'");
  await waitIdle(page);
  const text = await screenText(page);
  expect(text).toContain('\nosc52-done\n');
  expect(text).toContain('\nthe-docs and javascript:alert(1)\n');
  expect(await page.evaluate(() => (window as unknown as { __calls: string[] }).__calls)).toEqual([]);

  // a click on the link opens it, in a new tab, and only then
  const row = page.locator('[role=tabpanel]:not([hidden]) .xterm-rows > div', { hasText: /^the-docs/ });
  const box = (await row.boundingBox())!;
  const cols = await page.evaluate(() => window.__berth!.columns());
  const cell = (await page.locator('[role=tabpanel]:not([hidden]) .xterm-screen').boundingBox())!.width / cols;
  const x = box.x + 3.5 * cell;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.move(x + 2, y);
  await page.mouse.click(x + 2, y);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __calls: string[] }).__calls)).toEqual(['open:https://docs.docker.com/']);
});
