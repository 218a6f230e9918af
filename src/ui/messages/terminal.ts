import { defineMessages } from '../i18n.svelte.ts';

export const terminalMessages = defineMessages({
  en: {
    tabs: 'Terminals',
    tab: 'Terminal {n}',
    newTab: 'Open another terminal on the same host',
    closeTab: 'Close {name}',
    exitHint: 'This is the only terminal, so it stays open. Ctrl-D closes the extra terminals you open with +.',
  },
  'zh-CN': {
    tabs: '终端',
    tab: '终端 {n}',
    newTab: '在同一主机上再打开一个终端',
    closeTab: '关闭{name}',
    exitHint: '这是唯一的终端，所以不会关闭。按 Ctrl-D 可关闭用 + 打开的其他终端。',
  },
});
