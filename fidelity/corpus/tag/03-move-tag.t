# title: A tag moves to the image it was last given to
# topic: tag

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker tag busybox mybox:v1
  $ docker tag debian:bookworm-slim mybox:v1
# rows for one image in several repositories come in no fixed order (a Go map in docker/cli): sorted
  $ docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | sort
  busybox:latest 1.98MB
  debian:bookworm-slim 74.8MB
  mybox:v1 74.8MB
  $ ID=$(docker images -q busybox)
  $ docker tag $ID byid:v1
  $ docker images --filter reference=byid --format '{{.Repository}}:{{.Tag}}'
  byid:v1
  $ test "$(docker images -q byid:v1)" = "$ID" && echo same image
  same image
