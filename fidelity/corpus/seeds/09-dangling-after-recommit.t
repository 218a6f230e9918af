# title: seed 003: a reused tag leaves a dangling image; prune removes it
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name c1 busybox sh -c 'echo 1 > /v'
  $ docker commit c1 dodge:challenger >/dev/null
  $ docker run --name c2 busybox sh -c 'echo 2 > /v'
  $ docker commit c2 dodge:challenger >/dev/null
  $ docker image ls --filter dangling=true --format '{{.Repository}}:{{.Tag}}'
  <none>:<none>
  $ docker images dodge --format '{{.Repository}}:{{.Tag}}'
  dodge:challenger
  $ docker rm c1 c2
  c1
  c2
  $ docker image prune -f
  Deleted Images:
  deleted: sha256:de082e33512e834415082ec5d9654807a9821475a204b1b26218c0709f5a2cfe
  deleted: sha256:462b09fd468f84c9d9fbc646300289689ea1aec149edcd1adee845e67ef9b14e
  
  Total reclaimed space: 2B
  $ docker image ls --filter dangling=true -q | wc -l
  0
