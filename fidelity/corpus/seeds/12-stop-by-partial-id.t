# title: seed 004: stop a container by a partial ID
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ CID=$(docker run -d busybox sh -c 'while true; do echo hello world; sleep 1; done')
  $ docker ps --format '{{.Image}} {{.Status}}'
  busybox Up Less than a second
  $ docker stop -t 1 ${CID:0:6} >/dev/null
  $ docker ps -q | wc -l
  0
  $ docker ps -a --format '{{.Status}}'
  Exited (137) Less than a second ago
  $ docker start ${CID:0:12}
  5aa9998ac468
  $ docker stop -t 0 ${CID:0:27} | wc -c
  28
  $ docker rm ${CID:0:12}
  5aa9998ac468
