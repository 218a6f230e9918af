# title: seed 000: a one-shot echo, then the container in ps -a
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run busybox /bin/echo 'Hello World'
  Hello World
  $ docker ps
  CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES
  $ docker ps -a --format '{{.Image}} {{.Command}} {{.Status}}'
  busybox "/bin/echo 'Hello Wo…" Exited (0) Less than a second ago
  $ docker container ls -a -q | wc -l
  1
  $ docker run busybox echo 'Hello World' again
  Hello World again
  $ docker ps -a --format '{{.Command}}'
  "echo 'Hello World' …"
  "/bin/echo 'Hello Wo…"
