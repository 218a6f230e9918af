# title: seed 003: filtering and formatting docker image ls
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker image ls --filter=reference="*:latest"
  REPOSITORY   TAG       IMAGE ID       CREATED       SIZE
  busybox      latest    7cac330e49e5   2 hours ago   1.98MB
  $ docker image ls --filter=reference="debian:*" --format "{{.Repository}}: {{.Tag}}"
  debian: bookworm-slim
  $ docker image ls --format "{{.Size}}" | wc -l
  2
  $ docker image ls --format "{{.Repository}}: {{.Tag}}: {{.Size}}" | sort
  busybox: latest: 1.98MB
  debian: bookworm-slim: 74.8MB
  $ docker image ls --filter dangling=true
  REPOSITORY   TAG       IMAGE ID   CREATED   SIZE
  $ docker image ls --filter dangling=false --format '{{.Repository}}' | sort
  busybox
  debian
