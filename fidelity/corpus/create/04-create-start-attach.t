# title: create then start -a several times
# topic: create

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker create --name job busybox sh -c 'echo run; exit 3'
  e16e5646304be3c6dae0ddf3611986ec8a078ca3ce6068ae85a9548c8971aee7
  $ docker start -a job
  run
  [3]
  $ docker start -a job
  run
  [3]
  $ docker logs job
  run
  run
  $ docker inspect -f '{{.State.ExitCode}}' job
  3
  $ docker start job
  job
  $ sleep 1
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  job Exited (3) 1 second ago
