# title: inspect .Config: Env, WorkingDir, Entrypoint, User
# topic: inspect

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker create --name conf -e A=1 -w /srv -u nobody --entrypoint echo busybox hi >/dev/null
  $ docker inspect -f '{{json .Config.Env}}' conf
  ["A=1","PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]
  $ docker inspect -f '{{.Config.WorkingDir}} {{.Config.User}} {{json .Config.Entrypoint}} {{json .Config.Cmd}}' conf
  /srv nobody ["echo"] ["hi"]
  $ docker inspect -f '{{json .Config.Env}} {{json .Config.Entrypoint}}' debian:bookworm-slim
  ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"] null
  $ docker inspect -f '{{.Config.WorkingDir}}|{{.Config.User}}' busybox
  |
  $ docker start -a conf
  hi
