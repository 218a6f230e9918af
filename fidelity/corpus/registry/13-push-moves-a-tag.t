# title: pushing another image under the same tag moves the tag in the registry
# topic: registry

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker tag busybox 127.0.0.1:5000/app:v1
  $ docker push -q 127.0.0.1:5000/app:v1
  127.0.0.1:5000/app:v1
  $ docker tag debian:bookworm-slim 127.0.0.1:5000/app:v1
  $ docker push 127.0.0.1:5000/app:v1
  The push refers to repository [127.0.0.1:5000/app]
  79897f83c59a: Preparing
  79897f83c59a: Pushed
  v1: digest: sha256:840378f6089fd5c1cba64231b018546df6bac45f2a1293bcd468ce81441a9cad size: 529
  $ docker rmi 127.0.0.1:5000/app:v1
  Untagged: 127.0.0.1:5000/app:v1
  Untagged: 127.0.0.1:5000/app@sha256:840378f6089fd5c1cba64231b018546df6bac45f2a1293bcd468ce81441a9cad
  $ docker pull 127.0.0.1:5000/app:v1
  v1: Pulling from app
  Digest: sha256:840378f6089fd5c1cba64231b018546df6bac45f2a1293bcd468ce81441a9cad
  Status: Downloaded newer image for 127.0.0.1:5000/app:v1
  127.0.0.1:5000/app:v1
  $ docker inspect --format '{{.Id}}' 127.0.0.1:5000/app:v1 debian:bookworm-slim
  sha256:721b28d0f322d3cdc3bf09f11e5da031b67ec2ae3313db4725df766b98ee8500
  sha256:721b28d0f322d3cdc3bf09f11e5da031b67ec2ae3313db4725df766b98ee8500
  $ cat > Dockerfile <<'EOF'
  > FROM 127.0.0.1:5000/app:v1
  > RUN echo two > /two
  > EOF
  $ DOCKER_BUILDKIT=0 docker build -q -t 127.0.0.1:5000/app:v2 . > /dev/null 2>&1
  $ docker push -a 127.0.0.1:5000/app
  The push refers to repository [127.0.0.1:5000/app]
  79897f83c59a: Preparing
  79897f83c59a: Layer already exists
  v1: digest: sha256:840378f6089fd5c1cba64231b018546df6bac45f2a1293bcd468ce81441a9cad size: 529
  b5f670e27b4b: Preparing
  79897f83c59a: Preparing
  79897f83c59a: Layer already exists
  b5f670e27b4b: Pushed
  v2: digest: sha256:6fe960affbc140793a9900352a428fbb68de8505191736d057e4b0e9129303e5 size: 736
