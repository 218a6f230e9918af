# title: docker images, docker image ls and their flags
# topic: images

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker images
  REPOSITORY   TAG             IMAGE ID       CREATED          SIZE
  debian       bookworm-slim   b6002da5c5c0   21 minutes ago   74.8MB
  busybox      latest          7cac330e49e5   22 minutes ago   1.98MB
  $ docker image ls
  REPOSITORY   TAG             IMAGE ID       CREATED          SIZE
  debian       bookworm-slim   b6002da5c5c0   21 minutes ago   74.8MB
  busybox      latest          7cac330e49e5   22 minutes ago   1.98MB
  $ docker image list
  REPOSITORY   TAG             IMAGE ID       CREATED          SIZE
  debian       bookworm-slim   b6002da5c5c0   21 minutes ago   74.8MB
  busybox      latest          7cac330e49e5   22 minutes ago   1.98MB
  $ docker images busybox
  REPOSITORY   TAG       IMAGE ID       CREATED          SIZE
  busybox      latest    7cac330e49e5   22 minutes ago   1.98MB
  $ docker image ls debian
  REPOSITORY   TAG             IMAGE ID       CREATED          SIZE
  debian       bookworm-slim   b6002da5c5c0   21 minutes ago   74.8MB
  $ docker images -q
  b6002da5c5c0
  7cac330e49e5
  $ docker images -a
  REPOSITORY   TAG             IMAGE ID       CREATED          SIZE
  debian       bookworm-slim   b6002da5c5c0   21 minutes ago   74.8MB
  busybox      latest          7cac330e49e5   22 minutes ago   1.98MB
  $ docker images --no-trunc
  REPOSITORY   TAG             IMAGE ID                                                                  CREATED          SIZE
  debian       bookworm-slim   sha256:b6002da5c5c03c2e07f725e301a088621847ab86e6a24c72bec6735016d1016a   21 minutes ago   74.8MB
  busybox      latest          sha256:7cac330e49e5b77c000ed2db75e1ae90ccefdfa7072c15cfd79709f3d1f3d694   22 minutes ago   1.98MB
  $ docker images -aq
  b6002da5c5c0
  7cac330e49e5
