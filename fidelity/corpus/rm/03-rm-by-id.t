# title: docker rm with IDs from docker ps -q
# topic: rm

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web busybox sleep 1000 >/dev/null
  $ docker run --name done busybox true
# modern: VERSIONS.md row 2: dockerd 20.10 printed "You cannot remove a running container <id>. ..."; Docker 28.2 prints "cannot remove container "<ref>": container is running: ..."
  $ docker rm $(docker ps -aq)
  76f6ff6abe4f
  Error response from daemon: cannot remove container "ab1b2cb90a42": container is running: stop the container before removing or force remove
  [1]
  $ docker ps -a --format '{{.Names}}'
  web
  $ docker rm -f $(docker ps -aq) | wc -l
  1
  $ docker ps -a
  CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES
