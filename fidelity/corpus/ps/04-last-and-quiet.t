# title: docker ps -l, -n, -q and bundled flags
# topic: ps

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name first busybox true
  $ docker run --name second busybox true
  $ docker run --name third busybox true
  $ docker ps -l --format '{{.Names}}'
  third
  $ docker ps -n 2 --format '{{.Names}}'
  third
  second
  $ docker ps -n=1 --format '{{.Names}}'
  third
  $ docker ps -lq | wc -l
  1
  $ docker ps -aq | wc -l
  3
  $ docker ps -q | wc -l
  0
  $ docker ps --last 5 --format '{{.Names}}'
  third
  second
  first
