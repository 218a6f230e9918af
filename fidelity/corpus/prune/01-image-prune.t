# title: docker image prune: dangling only, then -a
# topic: prune

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --name keep busybox sh -c 'echo 1 > /f'
  $ docker commit keep myimg >/dev/null
  $ docker commit keep myimg >/dev/null
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  <none>:<none>
  myimg:latest
  debian:bookworm-slim
  busybox:latest
  $ docker image prune -f
  Deleted Images:
  deleted: sha256:912ac9e63729b934557405c4d6de36ce6f3b0f461d9ed199475bbb0aa1e4191c
  
  Total reclaimed space: 0B
  $ docker image prune -f
  Total reclaimed space: 0B
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  myimg:latest
  debian:bookworm-slim
  busybox:latest
  $ docker rmi myimg
  Untagged: myimg:latest
  Deleted: sha256:e94ca3c43f9e52a3b74967af848382633119e3a7b5d25c065dd5c28c7e6f416d
  Deleted: sha256:8312d63855e8fb8bc396eba035481ab64dd773b18c17c9233416efecc6a4eefa
  $ docker image prune -a -f
  Deleted Images:
  untagged: debian:bookworm-slim
  untagged: debian@sha256:078ee328078a4c43b5893c62ebb5ad62859ed13bf1f6a45991fee1e8619f7702
  deleted: sha256:b6002da5c5c03c2e07f725e301a088621847ab86e6a24c72bec6735016d1016a
  deleted: sha256:6f2674c572526314820ea00f1a5d47410089baeae050da1017ec13b6e3f5f72a
  
  Total reclaimed space: 74.83MB
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  busybox:latest
