# title: logs of a running loop with --tail and -t
# topic: logs

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name loop busybox sh -c 'while true; do echo hello world; sleep 1; done' >/dev/null
  $ sleep 2.5
  $ docker logs loop
  hello world
  hello world
  hello world
  $ docker logs --tail 1 loop
  hello world
  $ docker logs --tail 1 -t loop
  2026-11-23T14:28:45.538550541Z hello world
  $ docker stop -t 0 loop
  loop
  $ docker logs loop | wc -l
  3
  $ docker rm loop
  loop
