# title: docker logs -f follows until the container exits
# topic: logs

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name count busybox sh -c 'for i in 1 2 3; do echo $i; sleep 0.3; done' >/dev/null
  $ docker logs -f count
  1
  2
  3
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  count Exited (0) Less than a second ago
  $ docker logs --tail 1 -t count
  2026-11-23T14:28:36.707868192Z 3
  $ docker logs
  docker: 'docker logs' requires 1 argument
  
  Usage:  docker logs [OPTIONS] CONTAINER
  
  Run 'docker logs --help' for more information
  [1]
