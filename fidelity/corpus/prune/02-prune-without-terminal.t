# title: prune asks for confirmation; with no terminal it answers no
# topic: prune

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name gone busybox true
  $ docker image prune
  WARNING! This will remove all dangling images.
  Are you sure you want to continue? [y/N] 
  $ docker container prune
  WARNING! This will remove all stopped containers.
  Are you sure you want to continue? [y/N] 
  $ docker image prune -a
  WARNING! This will remove all images without at least one container associated to them.
  Are you sure you want to continue? [y/N] 
  $ docker ps -a --format '{{.Names}}'
  gone
  $ docker images --format '{{.Repository}}'
  busybox
