import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // the plugin compiles runes in src/ui/*.svelte.ts for the UI's unit tests
  plugins: [svelte()],
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // a guard against a hang, not a measure: the first test of a file loads
    // its code, which takes several seconds on a loaded 2-core machine
    testTimeout: 20_000,
  },
});
