# title: run with -e, -w, -h and --entrypoint
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm -e FOO=bar busybox sh -c 'echo $FOO'
  bar
  $ docker run --rm -e A=1 --env B=2 busybox sh -c 'echo $A$B'
  12
  $ docker run --rm -w /tmp busybox pwd
  /tmp
  $ docker run --rm -w /new/dir busybox pwd
  /new/dir
  $ docker run --rm -h myhost busybox hostname
  myhost
  $ docker run --rm --hostname=other busybox cat /etc/hostname
  other
  $ docker run --rm --entrypoint echo busybox hi there
  hi there
  $ docker run --rm --entrypoint ls busybox -d /etc
  /etc
  $ docker ps -a
  CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES
