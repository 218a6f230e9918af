import { defineMessages } from '../i18n.svelte.ts';

/** Files dropped on the terminal (src/ui/terminal/dropFiles.ts). */
export const dropMessages = defineMessages({
  en: {
    hint: 'Drop a file here to copy it into the current directory',
    copied: 'Copied {names} into {dir}',
    tooBig: '{name} is too big to copy into the terminal ({size}; at most {max}).',
    failed: 'Could not copy {name} into {dir}: {detail}',
  },
  'zh-CN': {
    hint: '把文件拖到这里，即可复制到当前目录',
    copied: '已将 {names} 复制到 {dir}',
    tooBig: '{name} 太大，无法复制到终端（{size}，最多 {max}）。',
    failed: '无法把 {name} 复制到 {dir}：{detail}',
  },
});
