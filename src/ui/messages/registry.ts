import { defineMessages } from '../i18n.svelte.ts';

export const registryMessages = defineMessages({
  en: {
    explain:
      'A registry stores images by repository and tag; docker pull downloads the layers you do not have yet. This is what Berth’s Docker Hub holds; a check mark means the tag is on this machine.',
    filter: 'Filter repositories',
    repos: '{n} repositories',
    pulled: 'pulled',
    notPulled: 'not pulled',
    layers: '{n} layers',
    windows: 'Windows only: cannot run on this Linux engine',
    details: 'Manifest',
    loading: 'Asking the registry…',
    digest: 'Digest',
    download: 'Download size',
    imageId: 'Image ID',
    local: 'local image {id}',
    pull: 'Type the pull command',
    pushed: 'Pushed from this engine',
    noPushes: 'Nothing pushed yet. Docker Hub refuses pushes without a login; a private registry (registry:2 on port 5000) keeps them.',
    none: 'No repository matches.',
  },
  'zh-CN': {
    explain:
      '镜像仓库按仓库名和标签存放镜像；docker pull 只会下载本地还没有的镜像层。下面是 Berth 的 Docker Hub 中的内容；打勾表示该标签已在本机。',
    filter: '筛选仓库',
    repos: '{n} 个仓库',
    pulled: '已拉取',
    notPulled: '未拉取',
    layers: '{n} 个镜像层',
    windows: '仅限 Windows：无法在这个 Linux 引擎上运行',
    details: '清单',
    loading: '正在查询仓库…',
    digest: '摘要',
    download: '下载大小',
    imageId: '镜像 ID',
    local: '本地镜像 {id}',
    pull: '输入拉取命令',
    pushed: '从本机推送的镜像',
    noPushes: '还没有推送任何镜像。未登录时 Docker Hub 会拒绝推送；私有仓库（5000 端口上的 registry:2）会保存它们。',
    none: '没有匹配的仓库。',
  },
});
