# title: awk on the host over docker's listings
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name one busybox true
  $ docker run --name two busybox true
  $ docker images | awk '{print $1, $2}'
  REPOSITORY TAG
  busybox latest
  $ docker images | awk 'NR > 1 {print $1 ":" $2}'
  busybox:latest
  $ docker ps -a | awk 'NR > 1 {print $NF}' | sort
  one
  two
  $ docker ps -a --format '{{.Names}} {{.Image}}' | awk '$2 == "busybox" {n++} END {print n, "containers"}'
  2 containers
  $ docker ps -aq | awk 'END {print NR}'
  2
  $ docker rm one two | awk '{print "removed", $0}'
  removed one
  removed two
