# title: seed: docker inspect with --format on containers and images
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run -d --name web busybox sleep 1000 >/dev/null
  $ docker inspect --format '{{.State.Running}}' web
  true
  $ docker inspect -f '{{.Name}} {{.Config.Image}}' web
  /web busybox
  $ docker inspect -f '{{.Config.Cmd}}' web
  [sleep 1000]
  $ docker inspect -f '{{json .Config.Cmd}}' web
  ["sleep","1000"]
  $ docker inspect -f '{{.Os}} {{.Architecture}}' busybox
  linux amd64
  $ docker inspect -f '{{.Config.Cmd}}' debian:bookworm-slim
  [bash]
  $ docker rm -f web
  web
