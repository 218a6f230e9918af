# title: docker restart
# topic: lifecycle

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name restarter busybox sh -c 'echo started; sleep 1000' >/dev/null
  $ sleep 1
  $ docker restart -t 1 restarter
  restarter
  $ sleep 1
  $ docker logs restarter
  started
  started
  $ docker inspect -f '{{.State.Status}} {{.RestartCount}}' restarter
  running 0
  $ docker stop -t 0 restarter
  restarter
  $ docker container restart restarter
  restarter
  $ docker ps --format '{{.Names}} {{.Status}}'
  restarter Up Less than a second
  $ docker restart nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker rm -f restarter
  restarter
