# title: run pulls an image it does not have
# topic: run

  $ docker run --rm debian:bookworm-slim echo pulled
  Unable to find image 'debian:bookworm-slim' locally
  bookworm-slim: Pulling from library/debian
  1f35b21a8ce2: Pulling fs layer
  1f35b21a8ce2: Verifying Checksum
  1f35b21a8ce2: Download complete
  1f35b21a8ce2: Pull complete
  Digest: sha256:078ee328078a4c43b5893c62ebb5ad62859ed13bf1f6a45991fee1e8619f7702
  Status: Downloaded newer image for debian:bookworm-slim
  pulled
  $ docker run --rm debian:bookworm-slim echo cached
  cached
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  debian:bookworm-slim
  $ docker run --rm 127.0.0.1:5000/nosuch echo never
  Unable to find image '127.0.0.1:5000/nosuch:latest' locally
  docker: Error response from daemon: manifest for 127.0.0.1:5000/nosuch:latest not found: manifest unknown: manifest unknown
  
  Run 'docker run --help' for more information
  [125]
