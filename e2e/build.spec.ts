// docker build in the page: BuildKit's live, collapsing view in the terminal,
// the legacy builder's steps with its intermediate containers on the
// lifecycle diagram, and a rebuilt tag leaving a dangling image that says
// which command moved it.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectScreen, openTerminal, run, screenText, waitIdle } from './terminal.ts';

const SHOTS = 'docs/screenshots';

async function sh(page: Page, line: string, timeout = 30_000): Promise<void> {
  await page.locator('[role=tabpanel]:not([hidden]) .xterm').click();
  await run(page, line);
  await waitIdle(page, timeout);
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
test.describe.configure({ timeout: 120_000 });

test('BuildKit: the live view while a step runs, collapsed when done, then the image runs', async ({ page }) => {
  await openTerminal(page);
  await sh(page, 'mkdir hello && cd hello');
  await sh(page, `printf 'FROM busybox\\nWORKDIR /app\\nRUN echo compiling; sleep 3; echo done > /app/out\\nCMD ["cat", "/app/out"]\\n' > Dockerfile`);
  await run(page, 'docker build -t hello .');
  // while the RUN sleeps, the view shows it running, with its output under it
  await expectScreen(page, /\[\+\] Building [\d.]+s \(\d+\/\d+\)/, 15_000);
  await expectScreen(page, /=> \[3\/3\] RUN echo compiling; sleep 3; echo done > \/app\/out/, 15_000);
  await waitIdle(page, 30_000);
  const done = await screenText(page);
  expect(done).toMatch(/\[\+\] Building [\d.]+s \(\d+\/\d+\) FINISHED/);
  expect(done).toMatch(/=> => naming to docker\.io\/library\/hello:latest/);
  // the redraws leave no raw escape sequences and no half-drawn frames behind
  expect(done).not.toMatch(/\x1b|\[\d+A/);
  expect(done.match(/FINISHED/g)?.length).toBe(1);
  await page.screenshot({ path: `${SHOTS}/build-buildkit.png` });

  await sh(page, 'docker run --rm hello');
  await expectScreen(page, /docker run --rm hello\ndone\n/);
  // a second build takes every step from the cache
  await sh(page, 'docker build -t hello . 2>&1 | grep -c CACHED');
  await expectScreen(page, /grep -c CACHED\n2\n/);
});

test('legacy builder: Step lines, intermediate containers on the lifecycle diagram, a dangling image after a rebuild', async ({ page }) => {
  await openTerminal(page);
  await sh(page, 'mkdir dodge && cd dodge');
  await sh(page, `printf 'FROM busybox\\nRUN echo v1 > /version\\nCMD ["cat", "/version"]\\n' > Dockerfile`);
  await sh(page, 'DOCKER_BUILDKIT=0 docker build -t dodge:challenger .');
  const text = await screenText(page);
  expect(text).toContain('DEPRECATED: The legacy builder is deprecated');
  expect(text).toMatch(/Step 2\/3 : RUN echo v1 > \/version\n ---> Running in [0-9a-f]{12}\n ---> Removed intermediate container [0-9a-f]{12}\n ---> [0-9a-f]{12}/);
  expect(text).toMatch(/Successfully tagged dodge:challenger/);

  await page.getByRole('tab', { name: /^Lifecycle$/ }).click();
  const list = page.getByTestId('lifecycle-list');
  // the RUN's container ran and was removed; the CMD's was created and removed
  await expect(list).toContainText(/removed/);
  await page.screenshot({ path: `${SHOTS}/build-legacy.png` });

  await sh(page, `printf 'FROM busybox\\nRUN echo v2 > /version\\nCMD ["cat", "/version"]\\n' > Dockerfile`);
  await sh(page, 'DOCKER_BUILDKIT=0 docker build -q -t dodge:challenger . 2>/dev/null');
  await page.getByRole('tab', { name: /^Images$/ }).click();
  const images = page.getByTestId('image-list');
  await expect(images).toContainText('<none>:<none>');
  await expect(images).toContainText(/dangling\s*tag dodge:challenger moved to [0-9a-f]{12} by docker build/);
  await sh(page, 'docker images --filter dangling=true --format "{{.Repository}}:{{.Tag}}"');
  await expectScreen(page, /<none>:<none>\n/);
});
