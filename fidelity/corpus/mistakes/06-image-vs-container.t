# title: image names where containers are expected and vice versa
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web busybox sleep 1000 >/dev/null
  $ docker rmi web
  Error response from daemon: No such image: web:latest
  [1]
  $ docker history web
  Error response from daemon: No such image: web:latest
  [1]
  $ docker tag web web:v1
  Error response from daemon: No such image: web:latest
  [1]
  $ docker commit busybox snap
  Error response from daemon: No such container: busybox
  [1]
  $ docker inspect --type container busybox
  []
  Error response from daemon: No such container: busybox
  [1]
  $ docker restart busybox
  Error response from daemon: No such container: busybox
  [1]
  $ docker rm -f web
  web
