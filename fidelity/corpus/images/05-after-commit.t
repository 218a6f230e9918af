# title: docker images after commits: order, -q, --no-trunc
# topic: images

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name ca busybox touch /a
  $ docker commit ca first >/dev/null
  $ docker run --name cb busybox touch /b
  $ docker commit cb second >/dev/null
  $ docker images
  REPOSITORY   TAG       IMAGE ID       CREATED                  SIZE
  second       latest    712a7499badc   Less than a second ago   1.98MB
  first        latest    c847da30b391   1 second ago             1.98MB
  busybox      latest    7cac330e49e5   About an hour ago        1.98MB
  $ docker images -q | wc -l
  3
  $ docker images --no-trunc --format '{{.ID}}' | cut -c1-7
  sha256:
  sha256:
  sha256:
  $ docker image ls --format '{{.Repository}} {{.CreatedSince}}'
  second Less than a second ago
  first 1 second ago
  busybox About an hour ago
