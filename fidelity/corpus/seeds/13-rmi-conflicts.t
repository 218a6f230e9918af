# title: seed W45: removing an image a stopped container uses
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name test_container busybox echo hi
  hi
  $ docker image rm busybox
  Error response from daemon: conflict: unable to remove repository reference "busybox" (must force) - container 7161a045befa is using its referenced image 7cac330e49e5
  [1]
  $ ID=$(docker images -q busybox)
  $ docker image rm $ID
  Error response from daemon: conflict: unable to delete 7cac330e49e5 (must be forced) - image is being used by stopped container 7161a045befa
  [1]
  $ docker rm test_container
  test_container
  $ docker image rm busybox
  Untagged: busybox:latest
  Untagged: busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Deleted: sha256:7cac330e49e5b77c000ed2db75e1ae90ccefdfa7072c15cfd79709f3d1f3d694
  Deleted: sha256:e9427307c77a478d0f81d5a95538f3d306fd509e502eb56821719b313c0aa06b
  $ docker image ls -q | wc -l
  0
