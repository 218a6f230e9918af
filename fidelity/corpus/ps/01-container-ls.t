# title: docker container ls and list
# topic: ps

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web busybox sleep 1000 >/dev/null
  $ docker run --name hello busybox echo hello
  hello
  $ docker container ls
  CONTAINER ID   IMAGE     COMMAND        CREATED        STATUS                  PORTS     NAMES
  28151f7019d0   busybox   "sleep 1000"   1 second ago   Up Less than a second             web
  $ docker container ls -a
  CONTAINER ID   IMAGE     COMMAND        CREATED        STATUS                              PORTS     NAMES
  40188e67fe74   busybox   "echo hello"   1 second ago   Exited (0) Less than a second ago             hello
  28151f7019d0   busybox   "sleep 1000"   1 second ago   Up Less than a second                         web
  $ docker container list --all --quiet | wc -l
  2
  $ docker ps -a --no-trunc --format '{{.Command}}'
  "echo hello"
  "sleep 1000"
  $ docker rm -f web
  web
