# title: A container that traps SIGTERM
# topic: lifecycle

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name trapper busybox sh -c 'trap "echo got TERM; exit 3" TERM; echo ready; while true; do sleep 1; done' >/dev/null
  $ sleep 1
  $ docker kill -s TERM trapper
  trapper
  $ sleep 2.5
  $ docker logs trapper
  ready
  got TERM
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  trapper Exited (3) 1 second ago
  $ docker inspect -f '{{.State.ExitCode}}' trapper
  3
