import { defineMessages } from '../i18n.svelte.ts';

export const imagesMessages = defineMessages({
  en: {
    explain:
      'A tag is a name pointing to an image ID. When a tag moves to a new image (pull, commit, tag), the old image keeps its layers but loses its name: it becomes dangling, <none>:<none>. Images share identical layers, stored once.',
    none: 'No images yet. Try docker pull ubuntu.',
    list: 'Local images',
    untagged: '<none>:<none>',
    dangling: 'dangling',
    intermediate: 'parent of another image',
    reason: 'tag {ref} moved to {to} by docker {by}',
    reasonUnknown: 'no tag points here any more',
    layers: '{n} layers',
    layersOne: '1 layer',
    shared: '{n} shared with {images}',
    containers: 'Containers using it',
    pinned: 'docker rmi refuses while a container uses it: {names}',
    digests: 'Digests',
    size: 'Size',
    layerStrip: 'Layers (same colour = same layer, stored once)',
    more: 'Show {n} more',
  },
  'zh-CN': {
    explain:
      '标签是指向镜像 ID 的名字。当标签移到新的镜像上（pull、commit、tag），旧镜像保留它的镜像层，却失去了名字，成为悬空镜像 <none>:<none>。内容相同的镜像层在镜像之间共享，只存一份。',
    none: '还没有镜像。试试 docker pull ubuntu。',
    list: '本地镜像',
    untagged: '<none>:<none>',
    dangling: '悬空镜像',
    intermediate: '另一个镜像的父镜像',
    reason: '标签 {ref} 被 docker {by} 移到了 {to}',
    reasonUnknown: '已没有标签指向它',
    layers: '{n} 个镜像层',
    layersOne: '1 个镜像层',
    shared: '其中 {n} 个与 {images} 共享',
    containers: '使用它的容器',
    pinned: '有容器在使用时 docker rmi 会拒绝删除：{names}',
    digests: '摘要',
    size: '大小',
    layerStrip: '镜像层（颜色相同 = 同一层，只存一份）',
    more: '再显示 {n} 个',
  },
});
