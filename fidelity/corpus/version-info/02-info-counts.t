# title: docker info counts images and containers
# topic: version-info

  $ docker info --format '{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}} {{.Images}}'
  0 0 0 0 0
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web busybox sleep 1000 >/dev/null
  $ docker run --name done busybox true
  $ docker info --format '{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}} {{.Images}}'
  2 1 0 1 1
  $ docker pause web
  web
  $ docker info --format 'running={{.ContainersRunning}} paused={{.ContainersPaused}}'
  running=0 paused=1
  $ docker rm -f web
  web
