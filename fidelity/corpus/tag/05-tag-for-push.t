# title: tag for the private registry and push
# topic: tag

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker tag debian:bookworm-slim 127.0.0.1:5000/team/deb:12
  $ docker push 127.0.0.1:5000/team/deb:12
  The push refers to repository [127.0.0.1:5000/team/deb]
  6f2674c57252: Preparing
  6f2674c57252: Pushed
  12: digest: sha256:078ee328078a4c43b5893c62ebb5ad62859ed13bf1f6a45991fee1e8619f7702 size: 529
  $ docker push 127.0.0.1:5000/team/deb:13
  The push refers to repository [127.0.0.1:5000/team/deb]
  tag does not exist: 127.0.0.1:5000/team/deb:13
  [1]
  $ docker push 127.0.0.1:5000/team/nosuch
  Using default tag: latest
  The push refers to repository [127.0.0.1:5000/team/nosuch]
  An image does not exist locally with the tag: 127.0.0.1:5000/team/nosuch
  [1]
  $ docker images --format '{{.Repository}}:{{.Tag}}' | sort
  127.0.0.1:5000/team/deb:12
  debian:bookworm-slim
