# title: pull -a of a private repository with two tags
# topic: pull

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker tag busybox 127.0.0.1:5000/multi:one
  $ docker tag debian:bookworm-slim 127.0.0.1:5000/multi:two
  $ docker push -q 127.0.0.1:5000/multi:one
  127.0.0.1:5000/multi:one
  $ docker push -q 127.0.0.1:5000/multi:two
  127.0.0.1:5000/multi:two
  $ docker rmi 127.0.0.1:5000/multi:one 127.0.0.1:5000/multi:two
  Untagged: 127.0.0.1:5000/multi:one
  Untagged: 127.0.0.1:5000/multi@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Untagged: 127.0.0.1:5000/multi:two
  Untagged: 127.0.0.1:5000/multi@sha256:078ee328078a4c43b5893c62ebb5ad62859ed13bf1f6a45991fee1e8619f7702
  $ docker pull -a 127.0.0.1:5000/multi
  one: Pulling from multi
  Digest: sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  two: Pulling from multi
  Digest: sha256:078ee328078a4c43b5893c62ebb5ad62859ed13bf1f6a45991fee1e8619f7702
  Status: Downloaded newer image for 127.0.0.1:5000/multi
  127.0.0.1:5000/multi
  $ docker images 127.0.0.1:5000/multi --format '{{.Tag}}' | sort
  one
  two
