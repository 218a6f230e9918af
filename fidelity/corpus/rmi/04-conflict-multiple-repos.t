# title: rmi by ID of an image referenced in multiple repositories
# topic: rmi

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker tag busybox mybox:v1
  $ docker tag busybox mybox:v2
  $ ID=$(docker images -q busybox)
  $ docker rmi $ID
  Error response from daemon: conflict: unable to delete 7cac330e49e5 (must be forced) - image is referenced in multiple repositories
  [1]
# rows for one image in several repositories come in no fixed order (a Go map in docker/cli): sorted
  $ docker images --format '{{.Repository}}:{{.Tag}}' | sort
  busybox:latest
  mybox:v1
  mybox:v2
  $ docker rmi -f $ID
  Untagged: busybox:latest
  Untagged: busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Untagged: mybox:v1
  Untagged: mybox:v2
  Deleted: sha256:7cac330e49e5b77c000ed2db75e1ae90ccefdfa7072c15cfd79709f3d1f3d694
  Deleted: sha256:e9427307c77a478d0f81d5a95538f3d306fd509e502eb56821719b313c0aa06b
  $ docker images
  REPOSITORY   TAG       IMAGE ID   CREATED   SIZE
