# title: kill a running container, then start it again
# topic: lifecycle

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name victim busybox sh -c 'echo started; sleep 1000' >/dev/null
  $ sleep 1
  $ docker kill victim
  victim
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  victim Exited (137) Less than a second ago
  $ docker start victim
  victim
  $ sleep 1
  $ docker logs victim
  started
  started
  $ docker inspect -f '{{.State.Status}} {{.RestartCount}}' victim
  running 0
  $ docker rm -f victim
  victim
