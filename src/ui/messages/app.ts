import { defineMessages } from '../i18n.svelte.ts';

export const appMessages = defineMessages({
  en: {
    tagline: 'Docker, in your browser',
    starting: 'Starting…',
    running: 'Running',
    ready: 'Ready',
    language: 'Language',
    terminal: 'Terminal',
    panels: 'What your commands did',
    banner: 'A Docker engine, simulated in this browser tab. Try',
    skipToPanels: 'Skip to the panels',
  },
  'zh-CN': {
    tagline: '浏览器里的 Docker',
    starting: '正在启动…',
    running: '运行中',
    ready: '就绪',
    language: '语言',
    terminal: '终端',
    panels: '命令做了什么',
    banner: '一个在本浏览器标签页中模拟的 Docker 引擎。试试',
    skipToPanels: '跳到面板',
  },
});
