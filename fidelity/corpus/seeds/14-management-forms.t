# title: seed 002/003: docker image pull, image ls, container run, container ls
# topic: seeds

  $ docker image pull busybox
  Using default tag: latest
  latest: Pulling from library/busybox
  aa06a41bc224: Pulling fs layer
  aa06a41bc224: Verifying Checksum
  aa06a41bc224: Download complete
  aa06a41bc224: Pull complete
  Digest: sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Status: Downloaded newer image for busybox:latest
  docker.io/library/busybox:latest
  $ docker image ls
  REPOSITORY   TAG       IMAGE ID       CREATED       SIZE
  busybox      latest    7cac330e49e5   2 hours ago   1.98MB
  $ docker container run --name ctr1 busybox echo hi
  hi
  $ docker container ls
  CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES
  $ docker container ls -a --format '{{.Names}} {{.Image}}'
  ctr1 busybox
  $ docker container rm ctr1
  ctr1
  $ docker image rm busybox
  Untagged: busybox:latest
  Untagged: busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Deleted: sha256:7cac330e49e5b77c000ed2db75e1ae90ccefdfa7072c15cfd79709f3d1f3d694
  Deleted: sha256:e9427307c77a478d0f81d5a95538f3d306fd509e502eb56821719b313c0aa06b
