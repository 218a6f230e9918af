# title: seed 000/004: the detached hello-world loop, its logs and stop
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ CID=$(docker run -d busybox /bin/sh -c "while true; do echo hello world; sleep 1; done")
  $ sleep 2.5
  $ docker logs $CID
  hello world
  hello world
  hello world
  $ docker ps --format '{{.Image}} {{.Command}} {{.Status}}'
  busybox "/bin/sh -c 'while t…" Up 2 seconds
  $ docker stop -t 1 ${CID:0:12}
  5deea864cfba
  $ docker ps -q | wc -l
  0
  $ docker ps -a --format '{{.Status}}'
  Exited (137) Less than a second ago
  $ docker rm $CID >/dev/null
