# title: rmi of an image that a committed image is built on
# topic: rmi

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name one busybox touch /one
  $ docker commit one base >/dev/null
  $ docker run --name two base touch /two
  $ docker commit two child >/dev/null
  $ docker rm one two
  one
  two
  $ docker rmi base
  Untagged: base:latest
  $ docker images --format '{{.Repository}}' | sort
  busybox
  child
  $ docker rmi child
  Untagged: child:latest
  Deleted: sha256:54b97e1c8abad0a69143420c41f47b23f54745eeb56d2e681769f26d1f239c90
  Deleted: sha256:bd5869d019cec7fda67a87a83874c7e223a2a3e8156f208fe182265a731ce4a2
  Deleted: sha256:312a7fffcff0539f6ea23d334bee9c27082e5b167bc6198b633e681f2bf7a2f9
  Deleted: sha256:1ca8d0a99adfcd21bacb24fcc8f64f78802549dfd681201c28e48c461b270369
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  busybox:latest
