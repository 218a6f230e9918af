# title: docker image pull of debian twice, quiet and verbose
# topic: pull

  $ docker image pull debian:bookworm-slim
  bookworm-slim: Pulling from library/debian
  1f35b21a8ce2: Pulling fs layer
  1f35b21a8ce2: Verifying Checksum
  1f35b21a8ce2: Download complete
  1f35b21a8ce2: Pull complete
  Digest: sha256:078ee328078a4c43b5893c62ebb5ad62859ed13bf1f6a45991fee1e8619f7702
  Status: Downloaded newer image for debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker image pull debian:bookworm-slim
  bookworm-slim: Pulling from library/debian
  Digest: sha256:078ee328078a4c43b5893c62ebb5ad62859ed13bf1f6a45991fee1e8619f7702
  Status: Image is up to date for debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker pull docker.io/library/debian:bookworm-slim
  bookworm-slim: Pulling from library/debian
  Digest: sha256:078ee328078a4c43b5893c62ebb5ad62859ed13bf1f6a45991fee1e8619f7702
  Status: Image is up to date for debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  debian:bookworm-slim
