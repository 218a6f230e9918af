# title: start and stop several containers at once
# topic: lifecycle

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker create --name a1 busybox sleep 1000 >/dev/null
  $ docker create --name a2 busybox sleep 1000 >/dev/null
  $ docker start a1 a2
  a1
  a2
  $ docker ps --format '{{.Names}}' | sort
  a1
  a2
  $ docker start a1
  a1
  $ docker stop -t 0 a1 a2
  a1
  a2
  $ docker start nosuch a1
  Error response from daemon: No such container: nosuch
  a1
  Error: failed to start containers: nosuch
  [1]
  $ docker ps --format '{{.Names}}'
  a1
  $ docker rm -f a1 a2
  a1
  a2
