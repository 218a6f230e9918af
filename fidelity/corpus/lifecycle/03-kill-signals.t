# title: docker kill and -s
# topic: lifecycle

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name killme busybox sleep 1000 >/dev/null
  $ docker kill -s HUP killme
  killme
  $ sleep 1
  $ docker ps --format '{{.Names}} {{.Status}}'
  killme Up 1 second
  $ docker kill killme
  killme
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  killme Exited (137) Less than a second ago
# modern: VERSIONS.md row 6: dockerd 20.10 printed "Container <id> is not running"; Docker 24.0/25.0+ prints "container <id> is not running"
# modern: VERSIONS.md row 7: dockerd 20.10 printed "Cannot kill container: "; Docker 26.0+ prints "cannot kill container: "
  $ docker kill killme
  Error response from daemon: cannot kill container: killme: container 207b480b90e732dfcf755e6b1bd8e0913acc0f44e3140974db21bc0278397529 is not running
  [1]
# modern: VERSIONS.md row 7: dockerd 20.10 printed "Cannot kill container: "; Docker 26.0+ prints "cannot kill container: "
  $ docker kill nosuch
  Error response from daemon: cannot kill container: nosuch: No such container: nosuch
  [1]
