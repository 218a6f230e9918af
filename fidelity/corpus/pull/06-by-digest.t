# title: Pull by digest and list digests
# topic: pull

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ D=$(docker inspect -f '{{index .RepoDigests 0}}' busybox)
  $ echo $D
  busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  $ docker pull $D
  docker.io/library/busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f: Pulling from library/busybox
  Digest: sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Status: Image is up to date for busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  docker.io/library/busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  $ docker images --digests
  REPOSITORY   TAG       DIGEST                                                                    IMAGE ID       CREATED          SIZE
  busybox      latest    sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f   7cac330e49e5   27 minutes ago   1.98MB
  $ docker rmi busybox
  Untagged: busybox:latest
  Untagged: busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Deleted: sha256:7cac330e49e5b77c000ed2db75e1ae90ccefdfa7072c15cfd79709f3d1f3d694
  Deleted: sha256:e9427307c77a478d0f81d5a95538f3d306fd509e502eb56821719b313c0aa06b
  $ docker pull $D
  docker.io/library/busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f: Pulling from library/busybox
  aa06a41bc224: Pulling fs layer
  aa06a41bc224: Verifying Checksum
  aa06a41bc224: Download complete
  aa06a41bc224: Pull complete
  Digest: sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Status: Downloaded newer image for busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  docker.io/library/busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  $ docker images --digests
  REPOSITORY   TAG       DIGEST                                                                    IMAGE ID       CREATED          SIZE
  busybox      <none>    sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f   7cac330e49e5   27 minutes ago   1.98MB
