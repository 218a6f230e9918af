# title: docker rmi, docker image rm and docker image remove
# topic: rmi

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker tag busybox one:v1
  $ docker tag busybox two:v1
  $ docker image rm one:v1
  Untagged: one:v1
  $ docker image remove two:v1
  Untagged: two:v1
  $ docker rmi nosuch
  Error response from daemon: No such image: nosuch:latest
  [1]
  $ docker image rm xxxx
  Error response from daemon: No such image: xxxx:latest
  [1]
  $ docker rmi debian:bookworm-slim busybox
  Untagged: debian:bookworm-slim
  Untagged: debian@sha256:078ee328078a4c43b5893c62ebb5ad62859ed13bf1f6a45991fee1e8619f7702
  Deleted: sha256:b6002da5c5c03c2e07f725e301a088621847ab86e6a24c72bec6735016d1016a
  Deleted: sha256:6f2674c572526314820ea00f1a5d47410089baeae050da1017ec13b6e3f5f72a
  Untagged: busybox:latest
  Untagged: busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Deleted: sha256:7cac330e49e5b77c000ed2db75e1ae90ccefdfa7072c15cfd79709f3d1f3d694
  Deleted: sha256:e9427307c77a478d0f81d5a95538f3d306fd509e502eb56821719b313c0aa06b
  $ docker images
  REPOSITORY   TAG       IMAGE ID   CREATED   SIZE
