# title: image prune -a with committed images and containers
# topic: prune

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --name keep busybox touch /k
  $ docker commit keep kept >/dev/null
  $ docker run --name user kept true
  $ docker image prune -a -f | grep -c deleted
  2
  $ docker images --format '{{.Repository}}' | sort
  busybox
  kept
