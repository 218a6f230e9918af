# title: docker pause and unpause
# topic: lifecycle

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name pauser busybox sleep 1000 >/dev/null
  $ docker pause pauser
  pauser
  $ docker ps --format '{{.Names}} {{.Status}}'
  pauser Up Less than a second (Paused)
  $ docker inspect -f '{{.State.Status}} {{.State.Paused}}' pauser
  paused true
  $ docker pause pauser
  Error response from daemon: Container cbadcabd6096fe2ae16f3780ff4f92578c6816cbbaadf8cbebc81143fcd2fd6b is already paused
  [1]
  $ docker unpause pauser
  pauser
  $ docker unpause pauser
  Error response from daemon: Container cbadcabd6096fe2ae16f3780ff4f92578c6816cbbaadf8cbebc81143fcd2fd6b is not paused
  [1]
  $ docker ps --format '{{.Names}} {{.Status}}'
  pauser Up Less than a second
  $ docker container pause pauser
  pauser
  $ docker stop -t 1 pauser
  pauser
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  pauser Exited (137) Less than a second ago
