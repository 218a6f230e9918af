# title: pause, unpause and rm on the wrong state
# topic: lifecycle

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker create --name idle busybox sleep 1000
  6b93bc29472588aaaf7086918cda1b1cf958682e4efbedc05b1ed2bca806587d
# modern: VERSIONS.md row 6: dockerd 20.10 printed "Container <id> is not running"; Docker 24.0/25.0+ prints "container <id> is not running"
  $ docker pause idle
  Error response from daemon: container 6b93bc29472588aaaf7086918cda1b1cf958682e4efbedc05b1ed2bca806587d is not running
  [1]
  $ docker unpause idle
  Error response from daemon: Container 6b93bc29472588aaaf7086918cda1b1cf958682e4efbedc05b1ed2bca806587d is not paused
  [1]
  $ docker pause nosuch
  Error response from daemon: No such container: nosuch
  [1]
  $ docker start idle
  idle
  $ docker pause idle
  idle
# modern: VERSIONS.md row 3: dockerd 20.10 printed "You cannot remove a paused container <id>. ..."; Docker 28.2 prints "cannot remove container "<ref>": container is paused and must be unpaused first"
  $ docker rm idle
  Error response from daemon: cannot remove container "idle": container is paused and must be unpaused first
  [1]
  $ docker rm -f idle
  idle
