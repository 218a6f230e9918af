# title: docker ps --format table and fields
# topic: ps

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name one busybox true
  $ docker run -d --name two busybox sleep 1000 >/dev/null
  $ docker ps -a --format 'table {{.Names}}\t{{.Image}}\t{{.State}}'
  NAMES     IMAGE     STATE
  two       busybox   running
  one       busybox   exited
  $ docker ps -a --format '{{.Names}}: {{.State}} / {{.Status}}'
  two: running / Up Less than a second
  one: exited / Exited (0) Less than a second ago
  $ docker ps --format 'table {{.Names}}'
  NAMES
  two
  $ docker ps -a --format '{{json .Names}}'
  "two"
  "one"
  $ docker rm -f two
  two
