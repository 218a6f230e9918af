// git at the page's prompt: isomorphic-git runs in the browser (its Buffer
// stand-in included), loaded on first use, and answers promptly.
import { expect, test } from '@playwright/test';
import { expectScreen, openTerminal, run, screenText, waitIdle } from './terminal.ts';

test('clone a sample, change it, commit, and read the log', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const gitChunks: string[] = [];
  page.on('request', (r) => {
    if (/\/assets\/git-[^/]*\.js$/.test(r.url())) gitChunks.push(r.url());
  });
  await openTerminal(page);
  // the page prefetches its lazy modules once the prompt is up, but not git's
  await page.waitForTimeout(1500);
  expect(gitChunks).toEqual([]);
  await run(page, 'git clone https://github.com/berth-samples/friendlyhello.git && cd friendlyhello && ls');
  await expectScreen(page, /Cloning into 'friendlyhello'\.\.\.\n.*Dockerfile\s+app\.py\s+requirements\.txt/s);
  await waitIdle(page);
  expect(gitChunks).toHaveLength(1);
  await run(page, 'git log --oneline');
  await expectScreen(page, /78df4e9 Get Started, Part 2: a Python app in a container/);
  await waitIdle(page);
  await run(page, 'git config --global user.name "Ada Lovelace"; git config --global user.email ada@example.com');
  await waitIdle(page);
  await run(page, 'echo gunicorn >> requirements.txt; git status -s');
  await expectScreen(page, / M requirements\.txt/);
  await waitIdle(page);
  // from Enter to the prompt (typing excluded): a guard against seconds, not a frame budget
  await page.keyboard.type('git commit -am "Add gunicorn"');
  await waitIdle(page);
  const started = Date.now();
  await page.keyboard.press('Enter');
  await expectScreen(page, /\[master [0-9a-f]{7}\] Add gunicorn\n 1 file changed, 1 insertion\(\+\)/);
  await waitIdle(page);
  expect(Date.now() - started).toBeLessThan(3000);
  await run(page, 'git status');
  await expectScreen(page, /Your branch is ahead of 'origin\/master' by 1 commit\./);
  await waitIdle(page);
  await run(page, 'git clone https://github.com/docker/getting-started.git');
  await expectScreen(page, /fatal: unable to access 'https:\/\/github\.com\/docker\/getting-started\.git\/': Could not resolve host: github\.com/);
  await waitIdle(page);
  expect(await screenText(page)).not.toMatch(/TypeError|ReferenceError|Buffer is not defined/);
  expect(errors).toEqual([]);
});
