# title: docker run --label, inspect and ps filter
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web --label app=web --label tier=front busybox sleep 1000 >/dev/null
  $ docker run -d --name db -l app=db busybox sleep 1000 >/dev/null
  $ docker inspect -f '{{json .Config.Labels}}' web
  {"app":"web","tier":"front"}
  $ docker ps --filter label=app=web --format '{{.Names}}'
  web
  $ docker ps --filter label=app --format '{{.Names}}' | sort
  db
  web
  $ docker ps --format '{{.Names}} {{.Label "app"}}' | sort
  db db
  web web
  $ docker rm -f web db
  web
  db
