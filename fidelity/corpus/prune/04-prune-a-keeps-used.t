# title: image prune -a keeps images that a container uses
# topic: prune

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker create --name holder busybox
  b919ef281e0a1ee0c5a287014b7b9564cad8479c65124ef2b7cb52aa0b991764
  $ docker image prune -af
  Deleted Images:
  untagged: debian:bookworm-slim
  untagged: debian@sha256:078ee328078a4c43b5893c62ebb5ad62859ed13bf1f6a45991fee1e8619f7702
  deleted: sha256:b6002da5c5c03c2e07f725e301a088621847ab86e6a24c72bec6735016d1016a
  deleted: sha256:6f2674c572526314820ea00f1a5d47410089baeae050da1017ec13b6e3f5f72a
  
  Total reclaimed space: 74.83MB
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  busybox:latest
  $ docker rm holder
  holder
  $ docker image prune --all --force
  Deleted Images:
  untagged: busybox:latest
  untagged: busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  deleted: sha256:7cac330e49e5b77c000ed2db75e1ae90ccefdfa7072c15cfd79709f3d1f3d694
  deleted: sha256:e9427307c77a478d0f81d5a95538f3d306fd509e502eb56821719b313c0aa06b
  
  Total reclaimed space: 1.985MB
  $ docker images
  REPOSITORY   TAG       IMAGE ID   CREATED   SIZE
