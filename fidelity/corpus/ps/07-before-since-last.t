# title: docker ps --filter before/since and -n
# topic: ps

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name first busybox true
  $ docker run --name second busybox true
  $ docker run --name third busybox true
  $ docker ps -a --filter before=third --format '{{.Names}}'
  second
  first
  $ docker ps -a --filter since=first --format '{{.Names}}'
  third
  second
  $ docker ps -a -n 2 --format '{{.Names}}'
  third
  second
  $ docker ps -l --format '{{.Names}}'
  third
