# title: remove a pushed image and pull it back: the base layer already exists
# topic: registry

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ cat > Dockerfile <<'EOF'
  > FROM busybox
  > RUN echo hi > /hello
  > EOF
  $ DOCKER_BUILDKIT=0 docker build -q -t 127.0.0.1:5000/app .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  sha256:0dcdef0b8b85d0f43f0648542f8d43e87aa4a4a6505f0650573cb08addcd0497
  $ docker push -q 127.0.0.1:5000/app
  127.0.0.1:5000/app:latest
  $ docker rmi 127.0.0.1:5000/app
  Untagged: 127.0.0.1:5000/app:latest
  Untagged: 127.0.0.1:5000/app@sha256:2f369cfea8eb2b5704eb67d57150fc5cf29796a34aa8ebb2a98c11de532aadf5
  Deleted: sha256:0dcdef0b8b85d0f43f0648542f8d43e87aa4a4a6505f0650573cb08addcd0497
  Deleted: sha256:28623902e3f86370f5aac38d8a2cb0e74540b6eb62cfcef0b774e00f47358309
  $ docker pull 127.0.0.1:5000/app
  Using default tag: latest
  latest: Pulling from app
  aa06a41bc224: Already exists
  2ed5279974c8: Pulling fs layer
  2ed5279974c8: Verifying Checksum
  2ed5279974c8: Download complete
  2ed5279974c8: Pull complete
  Digest: sha256:2f369cfea8eb2b5704eb67d57150fc5cf29796a34aa8ebb2a98c11de532aadf5
  Status: Downloaded newer image for 127.0.0.1:5000/app:latest
  127.0.0.1:5000/app:latest
  $ docker pull 127.0.0.1:5000/app
  Using default tag: latest
  latest: Pulling from app
  Digest: sha256:2f369cfea8eb2b5704eb67d57150fc5cf29796a34aa8ebb2a98c11de532aadf5
  Status: Image is up to date for 127.0.0.1:5000/app:latest
  127.0.0.1:5000/app:latest
  $ docker run --rm 127.0.0.1:5000/app cat /hello
  hi
