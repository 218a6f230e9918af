# title: seed 000: start a terminated container again
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name once busybox sh -c 'echo run'
  run
  $ docker start once
  once
  $ sleep 1
  $ docker start -a once
  run
  $ docker logs once
  run
  run
  run
  $ docker restart once
  once
  $ sleep 1
  $ docker logs once | wc -l
  4
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  once Exited (0) 1 second ago
