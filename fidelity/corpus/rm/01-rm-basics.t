# title: docker rm: stopped, running, -f, several
# topic: rm

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name done busybox true
  $ docker run -d --name live busybox sleep 1000 >/dev/null
  $ docker rm done
  done
# modern: VERSIONS.md row 2: dockerd 20.10 printed "You cannot remove a running container <id>. ..."; Docker 28.2 prints "cannot remove container "<ref>": container is running: ..."
  $ docker rm live
  Error response from daemon: cannot remove container "live": container is running: stop the container before removing or force remove
  [1]
  $ docker container rm -f live
  live
  $ docker rm nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker run --name again busybox true
  $ docker rm again nosuch
  again
  Error response from daemon: No such container: nosuch
  [1]
  $ docker ps -a
  CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES
