# title: Pull with an explicit tag and a full reference
# topic: pull

  $ docker pull debian:bookworm-slim
  bookworm-slim: Pulling from library/debian
  1f35b21a8ce2: Pulling fs layer
  1f35b21a8ce2: Verifying Checksum
  1f35b21a8ce2: Download complete
  1f35b21a8ce2: Pull complete
  Digest: sha256:078ee328078a4c43b5893c62ebb5ad62859ed13bf1f6a45991fee1e8619f7702
  Status: Downloaded newer image for debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker image pull busybox:latest
  latest: Pulling from library/busybox
  aa06a41bc224: Pulling fs layer
  aa06a41bc224: Download complete
  aa06a41bc224: Pull complete
  Digest: sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Status: Downloaded newer image for busybox:latest
  docker.io/library/busybox:latest
  $ docker pull docker.io/library/busybox:latest
  latest: Pulling from library/busybox
  Digest: sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Status: Image is up to date for busybox:latest
  docker.io/library/busybox:latest
  $ docker images
  REPOSITORY   TAG             IMAGE ID       CREATED          SIZE
  debian       bookworm-slim   b6002da5c5c0   26 minutes ago   74.8MB
  busybox      latest          7cac330e49e5   26 minutes ago   1.98MB
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
