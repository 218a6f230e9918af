# title: Containers are addressed by name or ID, not by image (seed W34)
# topic: errors

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web busybox sleep 1000 >/dev/null
  $ docker stop busybox
  Error response from daemon: No such container: busybox
  [1]
  $ docker container stop busybox:latest
  Error response from daemon: No such container: busybox:latest
  [1]
  $ docker container rm busybox:latest
  Error response from daemon: No such container: busybox:latest
  [1]
  $ docker exec busybox sh
  Error response from daemon: No such container: busybox
  [1]
  $ docker logs busybox
  Error response from daemon: No such container: busybox
  [1]
# modern: VERSIONS.md row 2: dockerd 20.10 printed "You cannot remove a running container <id>. ..."; Docker 28.2 prints "cannot remove container "<ref>": container is running: ..."
  $ docker rm web
  Error response from daemon: cannot remove container "web": container is running: stop the container before removing or force remove
  [1]
  $ docker rm -f web
  web
