# title: rmi of an image a stopped container still uses, then force
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name web busybox true
  $ docker rmi busybox
  Error response from daemon: conflict: unable to remove repository reference "busybox" (must force) - container 161a86d40c35 is using its referenced image 7cac330e49e5
  [1]
  $ docker rmi -f busybox
  Untagged: busybox:latest
  Untagged: busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Deleted: sha256:7cac330e49e5b77c000ed2db75e1ae90ccefdfa7072c15cfd79709f3d1f3d694
  $ docker images
  REPOSITORY   TAG       IMAGE ID   CREATED   SIZE
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  web Exited (0) Less than a second ago
  $ docker rm web
  web
  $ docker image prune -f
  Total reclaimed space: 0B
