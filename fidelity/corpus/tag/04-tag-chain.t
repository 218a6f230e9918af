# title: a tag of a tag, and removing one of them
# topic: tag

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker tag busybox one
  $ docker tag one two:v2
  $ docker tag two:v2 three
  $ docker images --format '{{.Repository}}:{{.Tag}}' | sort
  busybox:latest
  one:latest
  three:latest
  two:v2
  $ docker rmi one
  Untagged: one:latest
  $ docker rmi two:v2 three
  Untagged: two:v2
  Untagged: three:latest
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  busybox:latest
