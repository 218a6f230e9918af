# title: create a debian container with options
# topic: create

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker create --name deb -e X=1 -w /root -h deb debian:bookworm-slim bash -c 'echo $X $(pwd) $(hostname)' >/dev/null
  $ docker ps -a --format '{{.Names}} {{.Image}} {{.Status}}'
  deb debian:bookworm-slim Created
  $ docker start -a deb
  1 /root deb
  $ docker create --name deb debian:bookworm-slim
  Error response from daemon: Conflict. The container name "/deb" is already in use by container "3b2ffb56c079921a5ce9b970297b22ea2f7c7ab0806d0c7a89377060b3cff5fe". You have to remove (or rename) that container to be able to reuse that name.
  [1]
  $ docker create debian:bookworm-slim nosuchcmd >/dev/null
  $ docker ps -a --format '{{.Image}} {{.Status}}'
  debian:bookworm-slim Created
  debian:bookworm-slim Exited (0) Less than a second ago
