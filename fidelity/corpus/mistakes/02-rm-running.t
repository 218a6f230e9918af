# title: rm of a running container, then stop and rm
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web busybox sleep 1000 >/dev/null
# modern: VERSIONS.md row 2: dockerd 20.10 printed "You cannot remove a running container <id>. ..."; Docker 28.2 prints "cannot remove container "<ref>": container is running: ..."
  $ docker rm web
  Error response from daemon: cannot remove container "web": container is running: stop the container before removing or force remove
  [1]
# modern: VERSIONS.md row 2: dockerd 20.10 printed "You cannot remove a running container <id>. ..."; Docker 28.2 prints "cannot remove container "<ref>": container is running: ..."
  $ docker container rm web
  Error response from daemon: cannot remove container "web": container is running: stop the container before removing or force remove
  [1]
  $ docker stop -t 0 web
  web
  $ docker rm web
  web
  $ docker rm web
  Error response from daemon: No such container: web
  [1]
