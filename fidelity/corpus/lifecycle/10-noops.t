# title: stopping a stopped container and starting a running one
# topic: lifecycle

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web busybox sleep 1000 >/dev/null
  $ docker start web
  web
  $ docker stop -t 0 web
  web
  $ docker stop web
  web
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  web Exited (137) Less than a second ago
  $ docker restart -t 0 web
  web
  $ docker ps --format '{{.Names}}'
  web
  $ docker rm -f web
  web
