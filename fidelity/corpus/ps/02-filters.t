# title: docker ps --filter: status, name, id, ancestor, exited
# topic: ps

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --name ok busybox true
  $ docker run --name three busybox sh -c 'exit 3'
  [3]
  $ docker run -d --name web busybox sleep 1000 >/dev/null
  $ docker create --name new debian:bookworm-slim >/dev/null
  $ docker ps -a --filter status=exited --format '{{.Names}}'
  three
  ok
  $ docker ps -a --filter status=created --format '{{.Names}}'
  new
  $ docker ps --filter status=running --format '{{.Names}}'
  web
  $ docker ps -a --filter name=we --format '{{.Names}}'
  web
  $ ID=$(docker inspect -f '{{.Id}}' ok); docker ps -a --filter id=${ID:0:6} --format '{{.Names}}'
  ok
  $ docker ps -a --filter ancestor=busybox --format '{{.Names}}'
  web
  three
  ok
  $ docker ps -a --filter ancestor=debian:bookworm-slim --format '{{.Names}}'
  new
  $ docker ps -a --filter exited=3 --format '{{.Names}}'
  three
  $ docker ps -a -f status=exited -f exited=0 --format '{{.Names}}'
  ok
