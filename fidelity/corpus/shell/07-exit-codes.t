# title: exit N, $? and the container's exit status
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox sh -c 'exit 3'
  [3]
  $ docker run --rm busybox sh -c 'false; echo $?'
  1
  $ docker run --rm busybox sh -c 'true && echo ok || echo failed'
  ok
  $ docker run --rm busybox sh -c 'false || echo fallback'
  fallback
  $ docker run --rm busybox false
  [1]
  $ docker run --name ex busybox sh -c 'exit 42'
  [42]
  $ docker inspect -f '{{.State.ExitCode}}' ex
  42
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  ex Exited (42) Less than a second ago
  $ docker run --rm busybox sh -c 'exit 300'
  [44]
