# title: docker image prune: dangling only, then -a
# topic: prune

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --name keep busybox sh -c 'echo 1 > /f'
  $ docker commit keep myimg >/dev/null
  $ docker commit keep myimg >/dev/null
# Images created in the same second are listed in no fixed order: sort them.
  $ docker images --format '{{.Repository}}:{{.Tag}}' | sort
  <none>:<none>
  busybox:latest
  debian:bookworm-slim
  myimg:latest
  $ docker image prune -f
  Deleted Images:
  deleted: sha256:3332aed8bc6c48d8e5545c759478f052d628fc6f88f608e75028fbbe9ae69066
  
  Total reclaimed space: 0B
  $ docker image prune -f
  Total reclaimed space: 0B
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  myimg:latest
  debian:bookworm-slim
  busybox:latest
  $ docker rmi myimg
  Untagged: myimg:latest
  Deleted: sha256:2c7d63cf407a81a09014a7b60d6ed30f2e6becd67bcabb22ee86786dad9c884f
  Deleted: sha256:856fa87724bb8fc7eac8e25aa63b7d0ec154bc072d055494bc91db82b845fd86
  $ docker image prune -a -f
  Deleted Images:
  untagged: debian:bookworm-slim
  untagged: debian@sha256:078ee328078a4c43b5893c62ebb5ad62859ed13bf1f6a45991fee1e8619f7702
  deleted: sha256:b6002da5c5c03c2e07f725e301a088621847ab86e6a24c72bec6735016d1016a
  deleted: sha256:6f2674c572526314820ea00f1a5d47410089baeae050da1017ec13b6e3f5f72a
  
  Total reclaimed space: 74.83MB
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  busybox:latest
