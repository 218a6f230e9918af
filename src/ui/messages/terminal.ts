import { defineMessages } from '../i18n.svelte.ts';

export const terminalMessages = defineMessages({
  en: {
    tabs: 'Terminals',
    tab: 'Terminal {n}',
    newTab: 'Open another terminal on the same host',
    closeTab: 'Close {name}',
    exitHint: 'This is the only terminal, so it stays open. Ctrl-D closes the extra terminals you open with +.',
    tabOn: '{machine}: Terminal {n}',
    newMachineTab: 'Open a terminal on a second machine ({machine}): the same registries, its own images',
    machineBanner:
      '{machine} is a second machine: the same Docker Hub and private registry as {first},\nits own images, containers and files. Push on one, pull on the other.\nIt is not saved: a reload starts it empty.',
  },
  'zh-CN': {
    tabs: '终端',
    tab: '终端 {n}',
    newTab: '在同一主机上再打开一个终端',
    closeTab: '关闭{name}',
    exitHint: '这是唯一的终端，所以不会关闭。按 Ctrl-D 可关闭用 + 打开的其他终端。',
    tabOn: '{machine}：终端 {n}',
    newMachineTab: '在第二台机器（{machine}）上打开终端：共用同样的仓库，镜像各自独立',
    machineBanner:
      '{machine} 是第二台机器：与 {first} 连接同一个 Docker Hub 和私有仓库，\n但有自己的镜像、容器和文件。在一台机器上推送，在另一台上拉取。\n它不会被保存：重新加载页面后它会是空的。',
  },
});
