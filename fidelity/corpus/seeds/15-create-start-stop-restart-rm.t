# title: seed lifecycle: create, start, stop, restart and rm
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker create --name life busybox sleep 1000 >/dev/null
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  life Created
  $ docker start life
  life
  $ docker ps --format '{{.Names}} {{.Status}}'
  life Up Less than a second
  $ docker stop -t 1 life
  life
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  life Exited (137) Less than a second ago
  $ docker restart -t 1 life
  life
  $ docker ps --format '{{.Names}}'
  life
# modern: VERSIONS.md row 2: dockerd 20.10 printed "You cannot remove a running container <id>. ..."; Docker 28.2 prints "cannot remove container "<ref>": container is running: ..."
  $ docker rm life
  Error response from daemon: cannot remove container "life": container is running: stop the container before removing or force remove
  [1]
  $ docker rm -f life
  life
