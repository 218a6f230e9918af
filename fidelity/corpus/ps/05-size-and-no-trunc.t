# title: docker ps -s and --no-trunc
# topic: ps

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name writer busybox sh -c 'echo data > /data'
  $ docker ps -a -s --format '{{.Names}} {{.Size}}'
  writer 5B (virtual 1.98MB)
  $ docker ps -a --no-trunc --format '{{.Command}}'
  "sh -c 'echo data > /data'"
  $ docker ps -a --format '{{.Command}}'
  "sh -c 'echo data > …"
  $ docker ps -a --no-trunc -q | wc -c
  65
