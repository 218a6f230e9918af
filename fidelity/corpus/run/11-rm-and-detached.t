# title: docker run --rm, foreground and detached
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm --name gone busybox echo bye
  bye
  $ docker ps -a -q | wc -l
  0
  $ docker run -d --rm --name tmp busybox sleep 1000 >/dev/null
  $ docker ps --format '{{.Names}}'
  tmp
  $ docker stop -t 0 tmp
  tmp
  $ sleep 1
  $ docker ps -a -q | wc -l
  0
  $ docker run --rm --name gone busybox sh -c 'exit 7'
  [7]
