import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { rolldown } from 'rolldown';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The boot prompt (src/ui/terminal/bootPrompt.ts): bundled on its own into a
 * small classic script inlined at the end of index.html's body, its style
 * sheet inlined in the head, so the page shows a working prompt as soon as
 * its HTML is parsed. Its strings come from the messages modules; their
 * `defineMessages` is read from locale.ts (i18n.svelte.ts re-exports it),
 * so the bundle holds no Svelte.
 */
function bootPrompt(): Plugin {
  const i18n = source('./src/ui/i18n.svelte.ts');
  const locale = source('./src/ui/locale.ts');
  return {
    name: 'berth:boot-prompt',
    async transformIndexHtml() {
      const bundle = await rolldown({
        input: source('./src/ui/terminal/bootPrompt.ts'),
        platform: 'browser',
        transform: { target: 'es2022' },
        plugins: [
          {
            name: 'berth:boot-locale',
            async resolveId(id, importer) {
              const resolved = await this.resolve(id, importer, { skipSelf: true });
              return resolved?.id === i18n ? locale : null;
            },
          },
        ],
      });
      const { output } = await bundle.generate({ format: 'iife', minify: true });
      await bundle.close();
      const css = readFileSync(source('./src/ui/terminal/bootPrompt.css'), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};:,>])\s*/g, '$1')
        .trim();
      return [
        { tag: 'style', attrs: { id: 'boot-style' }, children: css, injectTo: 'head' },
        { tag: 'script', children: output[0].code.trim(), injectTo: 'body' },
      ];
    },
  };
}

/**
 * The page's style sheet stops blocking the boot prompt: a stylesheet link
 * in the head holds the first paint and the inline boot script back until it
 * has arrived. It loads as a print style sheet and switches to all media once
 * loaded; main.ts mounts the page once it has (the boot prompt, styled by its
 * own inline sheet, covers the page until then).
 */
function styleSheetAfterBoot(): Plugin {
  return {
    name: 'berth:style-sheet-after-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(/<link rel="stylesheet"([^>]*)>/g, (link, attrs: string) =>
          attrs.includes('media=') ? link : `<link rel="stylesheet"${attrs} media="print" onload="this.media='all'">`,
        ),
    },
  };
}

export default defineConfig({
  plugins: [svelte(), bootPrompt(), styleSheetAfterBoot()],
  build: { target: 'es2022', sourcemap: true },
});
