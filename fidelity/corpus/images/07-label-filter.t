# title: docker images --filter label= on committed images
# topic: images

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name ca busybox true
  $ docker commit -c 'LABEL team=blue' ca blue >/dev/null
  $ docker commit -c 'LABEL team=red' ca red >/dev/null
  $ docker images --filter label=team --format '{{.Repository}}' | sort
  blue
  red
  $ docker images --filter label=team=red --format '{{.Repository}}'
  red
  $ docker images --filter reference=b* --format '{{.Repository}}' | sort
  blue
  busybox
  $ docker inspect -f '{{.Config.Labels}}' blue
  map[team:blue]
