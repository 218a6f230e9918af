# title: push an image built FROM busybox: the base layer is already there, a second repository mounts it
# topic: registry

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker tag busybox 127.0.0.1:5000/bb
  $ docker push -q 127.0.0.1:5000/bb
  127.0.0.1:5000/bb:latest
  $ cat > Dockerfile <<'EOF'
  > FROM busybox
  > RUN echo hi > /hello
  > EOF
  $ DOCKER_BUILDKIT=0 docker build -q -t 127.0.0.1:5000/bb:app .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  sha256:cc9c5e56f48e3464eebc75cac15dbe0362de8b02359f54bb2d37b690dacf9e55
  $ docker push 127.0.0.1:5000/bb:app
  The push refers to repository [127.0.0.1:5000/bb]
  8674d6c3f834: Preparing
  e9427307c77a: Preparing
  e9427307c77a: Layer already exists
  8674d6c3f834: Pushed
  app: digest: sha256:4693c156a51fe436939e5f432f0c023141a74a56a02c7bdb61431872f30f0c27 size: 735
  $ docker tag 127.0.0.1:5000/bb:app 127.0.0.1:5000/app:v1
  $ docker push 127.0.0.1:5000/app:v1
  The push refers to repository [127.0.0.1:5000/app]
  8674d6c3f834: Preparing
  e9427307c77a: Preparing
  8674d6c3f834: Mounted from bb
  e9427307c77a: Mounted from bb
  v1: digest: sha256:4693c156a51fe436939e5f432f0c023141a74a56a02c7bdb61431872f30f0c27 size: 735
  $ docker tag busybox 127.0.0.1:5000/other
  $ docker push 127.0.0.1:5000/other
  Using default tag: latest
  The push refers to repository [127.0.0.1:5000/other]
  e9427307c77a: Preparing
  e9427307c77a: Mounted from app
  latest: digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163 size: 528
