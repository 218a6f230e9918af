import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium: browsers cannot be downloaded here (no `playwright install`).
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// PW_BASE_URL points the tests at a preview server already running (one port per
// engineer when several run at once); without it, Playwright starts its own on 4173.
const baseURL = process.env.PW_BASE_URL ?? 'http://127.0.0.1:4173';

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath: process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs },
      },
    },
  ],
  // `npm run test:e2e` builds first; the preview server serves dist/.
  webServer: process.env.PW_BASE_URL
    ? undefined
    : {
        command: 'npx vite preview --port 4173 --strictPort --host 127.0.0.1',
        url: 'http://127.0.0.1:4173',
        reuseExistingServer: !process.env.CI,
        timeout: 60_000,
      },
});
