import { defineMessages } from '../i18n.svelte.ts';

export const terminalMessages = defineMessages({
  en: {
    tabs: 'Terminals',
    tab: 'Terminal {n}',
    newTab: 'Open another terminal on the same host',
    closeTab: 'Close {name}',
    exitHint: 'This is the only terminal, so it stays open. Ctrl-D closes the extra terminals you open with +.',
    tabOn: '{machine}: Terminal {n}',
    newMachineTab: 'Open a terminal on a second machine ({machine}): the same network and Docker Hub, its own images',
    machineBanner:
      '{machine} ({address}) is a second machine on the same network as\n{first} ({firstAddress}): the same Docker Hub, its own images, containers\nand files. Push on one, pull on the other; a registry running on {first}\nis {first}:5000 from here. It is saved with the workspace.',
  },
  'zh-CN': {
    tabs: '终端',
    tab: '终端 {n}',
    newTab: '在同一主机上再打开一个终端',
    closeTab: '关闭{name}',
    exitHint: '这是唯一的终端，所以不会关闭。按 Ctrl-D 可关闭用 + 打开的其他终端。',
    tabOn: '{machine}：终端 {n}',
    newMachineTab: '在第二台机器（{machine}）上打开终端：同一网络、同一个 Docker Hub，镜像各自独立',
    machineBanner:
      '{machine}（{address}）是与 {first}（{firstAddress}）\n在同一网络中的第二台机器：连接同一个 Docker Hub，\n但有自己的镜像、容器和文件。在一台上推送，在另一台上拉取；\n{first} 上运行的私有仓库，从这里访问是 {first}:5000。\n它会随工作区一起保存。',
  },
});
