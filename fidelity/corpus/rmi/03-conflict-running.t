# title: rmi of an image used by a running container
# topic: rmi

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web busybox sleep 1000
  8c9c16c56bfbc4fa8e8b17fe0cd1f5bdbc867df72771cd113df37c887e00597d
  $ ID=$(docker images -q busybox)
  $ docker rmi busybox
  Error response from daemon: conflict: unable to remove repository reference "busybox" (must force) - container 8c9c16c56bfb is using its referenced image 7cac330e49e5
  [1]
  $ docker rmi $ID
  Error response from daemon: conflict: unable to delete 7cac330e49e5 (cannot be forced) - image is being used by running container 8c9c16c56bfb
  [1]
  $ docker rmi -f $ID
  Error response from daemon: conflict: unable to delete 7cac330e49e5 (cannot be forced) - image is being used by running container 8c9c16c56bfb
  [1]
  $ docker rmi -f busybox
  Untagged: busybox:latest
  Untagged: busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  $ docker images
  REPOSITORY   TAG       IMAGE ID       CREATED          SIZE
  <none>       <none>    7cac330e49e5   27 minutes ago   1.98MB
  $ docker rm -f web
  web
  $ docker rmi $ID
  Deleted: sha256:7cac330e49e5b77c000ed2db75e1ae90ccefdfa7072c15cfd79709f3d1f3d694
  Deleted: sha256:e9427307c77a478d0f81d5a95538f3d306fd509e502eb56821719b313c0aa06b
