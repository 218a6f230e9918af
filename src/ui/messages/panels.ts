import { defineMessages } from '../i18n.svelte.ts';

/** The panel tabs' names; each panel keeps its own strings in its own file. */
export const panelTabs = defineMessages({
  en: {
    start: 'Start',
    layers: 'Layers',
    lifecycle: 'Lifecycle',
    images: 'Images',
    registry: 'Registry',
    panels: 'Panels',
  },
  'zh-CN': {
    start: '开始',
    layers: '镜像层',
    lifecycle: '生命周期',
    images: '镜像与标签',
    registry: '仓库',
    panels: '面板',
  },
});
