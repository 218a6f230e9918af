# title: docker logs of an exited container
# topic: logs

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name echoer busybox sh -c 'echo one; echo two; sleep 0.5; echo three >&2'
  one
  two
  three
  $ docker logs echoer
  one
  two
  three
  $ docker logs --tail 1 echoer
  three
  $ docker logs --tail 0 echoer
  $ docker logs -n 2 echoer
  two
  three
  $ docker logs -t echoer
  2026-11-23T14:28:29.975602800Z one
  2026-11-23T14:28:29.975648396Z two
  2026-11-23T14:28:30.477855615Z three
  $ docker container logs --tail=all echoer
  one
  two
  three
  $ docker logs -f echoer
  one
  two
  three
  $ docker logs nosuch
  Error response from daemon: No such container: nosuch
  [1]
