# title: rm -f of stopped and running containers by name and ID
# topic: rm

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name stopped busybox true
  $ docker run -d --name running busybox sleep 1000 >/dev/null
  $ ID=$(docker inspect -f '{{.Id}}' running)
  $ docker rm -f stopped
  stopped
  $ docker rm -f $ID
  bd7fb7ce84a2f9dbe604efdcec8911ee7ef66f21de6598ccf4cb6f08e4ff32ec
  $ docker container rm --force running
  Error response from daemon: No such container: running
  $ docker ps -a -q | wc -l
  0
