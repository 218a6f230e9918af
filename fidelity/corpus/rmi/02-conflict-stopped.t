# title: rmi of an image used by a stopped container
# topic: rmi

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name stopped busybox true
  $ docker rmi busybox
  Error response from daemon: conflict: unable to remove repository reference "busybox" (must force) - container 66390774226a is using its referenced image 7cac330e49e5
  [1]
  $ ID=$(docker images -q busybox)
  $ docker rmi $ID
  Error response from daemon: conflict: unable to delete 7cac330e49e5 (must be forced) - image is being used by stopped container 66390774226a
  [1]
  $ docker rmi -f busybox
  Untagged: busybox:latest
  Untagged: busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Deleted: sha256:7cac330e49e5b77c000ed2db75e1ae90ccefdfa7072c15cfd79709f3d1f3d694
  $ docker images
  REPOSITORY   TAG       IMAGE ID   CREATED   SIZE
  $ docker ps -a --format '{{.Names}} {{.Image}}' | sed "s/$ID/IMAGE-ID/"
  stopped IMAGE-ID
  $ docker rm stopped
  stopped
  $ docker rmi $ID
  Error response from daemon: No such image: 7cac330e49e5:latest
  [1]
