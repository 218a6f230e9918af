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

/** The Files control beside the terminal tabs: upload a file, download what the commands wrote (src/ui/FilesMenu.svelte). */
export const filesMessages = defineMessages({
  en: {
    button: 'Files',
    buttonLabel: 'Files on {machine}: upload or download',
    title: 'Files on {machine}',
    upload: 'Upload a file…',
    uploadHint: 'Copied into {dir}, its name typed at the prompt. You can also drop a file on the terminal.',
    download: 'Download',
    downloadFile: 'Download {path} ({size})',
    downloadFresh: 'Download {path} ({size}), written by a command',
    fresh: 'new',
    none: 'No files in {dir} yet. docker save -o busybox.tar busybox writes one.',
    pathLabel: 'Another file (path from {dir})',
    pathPlaceholder: 'busybox.tar or /tmp/b.tgz',
    empty: 'Type the path of a file.',
    missing: 'No such file: {path}',
    directory: '{path} is a directory.',
    failed: 'Could not read {path}: {detail}',
    written: '{name} ({size}) written',
    writtenLabel: '{path} ({size}) written on {machine}',
    dismiss: 'Hide',
    dismissLabel: 'Hide the notice about {name}',
  },
  'zh-CN': {
    button: '文件',
    buttonLabel: '{machine} 上的文件：上传或下载',
    title: '{machine} 上的文件',
    upload: '上传文件…',
    uploadHint: '文件会复制到 {dir}，并在提示符处输入文件名。也可以把文件拖到终端上。',
    download: '下载',
    downloadFile: '下载 {path}（{size}）',
    downloadFresh: '下载 {path}（{size}），由命令写入',
    fresh: '新',
    none: '{dir} 里还没有文件。执行 docker save -o busybox.tar busybox 就会写入一个。',
    pathLabel: '其他文件（相对于 {dir} 的路径）',
    pathPlaceholder: 'busybox.tar 或 /tmp/b.tgz',
    empty: '请输入文件的路径。',
    missing: '没有这个文件：{path}',
    directory: '{path} 是一个目录。',
    failed: '无法读取 {path}：{detail}',
    written: '已写入 {name}（{size}）',
    writtenLabel: '已在 {machine} 上写入 {path}（{size}）',
    dismiss: '隐藏',
    dismissLabel: '隐藏关于 {name} 的提示',
  },
});
