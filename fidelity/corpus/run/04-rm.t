# title: run --rm leaves no container behind
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox echo bye
  bye
  $ docker ps -a
  CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES
  $ docker run --rm --name tmp busybox sh -c 'exit 2'
  [2]
  $ docker ps -a
  CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES
  $ docker run -d --rm --name short busybox sleep 1
  8309747db978c377d91cbeaa8d62ae3f864dc5f121ed4b8ebfb7d66177a85524
  $ sleep 2.5
  $ docker ps -a
  CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES
