# title: docker create, then start and start -a
# topic: create

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker create --name hello busybox echo hi
  8296dacdc23a4817043a42155d47cc9eb3876ea06aa1f31a0db7a40d9e52bec5
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  hello Created
  $ docker start hello
  hello
  $ sleep 1
  $ docker logs hello
  hi
  $ docker start -a hello
  hi
  $ docker logs hello
  hi
  hi
  $ docker container create busybox >/dev/null
  $ docker ps -a --format '{{.Command}} {{.Status}}'
  "sh" Created
  "echo hi" Exited (0) Less than a second ago
