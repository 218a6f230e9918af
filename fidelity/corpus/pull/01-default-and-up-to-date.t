# title: Pull without a tag, then pull again
# topic: pull

  $ docker images
  REPOSITORY   TAG       IMAGE ID   CREATED   SIZE
  $ docker pull busybox
  Using default tag: latest
  latest: Pulling from library/busybox
  aa06a41bc224: Pulling fs layer
  aa06a41bc224: Verifying Checksum
  aa06a41bc224: Download complete
  aa06a41bc224: Pull complete
  Digest: sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Status: Downloaded newer image for busybox:latest
  docker.io/library/busybox:latest
  $ docker pull busybox
  Using default tag: latest
  latest: Pulling from library/busybox
  Digest: sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Status: Image is up to date for busybox:latest
  docker.io/library/busybox:latest
  $ docker pull busybox:latest
  latest: Pulling from library/busybox
  Digest: sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Status: Image is up to date for busybox:latest
  docker.io/library/busybox:latest
  $ docker images
  REPOSITORY   TAG       IMAGE ID       CREATED          SIZE
  busybox      latest    7cac330e49e5   26 minutes ago   1.98MB
