# title: docker stop and -t
# topic: lifecycle

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name stopper busybox sleep 1000 >/dev/null
  $ docker stop -t 1 stopper
  stopper
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  stopper Exited (137) Less than a second ago
  $ docker stop stopper
  stopper
  $ docker start stopper
  stopper
  $ docker stop --time 0 stopper
  Flag --time has been deprecated, use --timeout instead
  stopper
  $ docker container stop stopper nosuch
  stopper
  Error response from daemon: No such container: nosuch
  [1]
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  stopper Exited (137) Less than a second ago
