# title: Pulling an image or tag that does not exist (private registry)
# topic: pull

  $ docker pull 127.0.0.1:5000/nosuch
  Using default tag: latest
  Error response from daemon: manifest for 127.0.0.1:5000/nosuch:latest not found: manifest unknown: manifest unknown
  [1]
  $ docker pull 127.0.0.1:5000/nosuch:v1
  Error response from daemon: manifest for 127.0.0.1:5000/nosuch:v1 not found: manifest unknown: manifest unknown
  [1]
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker tag busybox 127.0.0.1:5000/mybox:v1
  $ docker push 127.0.0.1:5000/mybox:v1
  The push refers to repository [127.0.0.1:5000/mybox]
  e9427307c77a: Preparing
  e9427307c77a: Pushed
  v1: digest: sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f size: 528
  $ docker rmi 127.0.0.1:5000/mybox:v1
  Untagged: 127.0.0.1:5000/mybox:v1
  Untagged: 127.0.0.1:5000/mybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  $ docker pull 127.0.0.1:5000/mybox:v2
  Error response from daemon: manifest for 127.0.0.1:5000/mybox:v2 not found: manifest unknown: manifest unknown
  [1]
  $ docker pull 127.0.0.1:5000/mybox:v1
  v1: Pulling from mybox
  Digest: sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Status: Downloaded newer image for 127.0.0.1:5000/mybox:v1
  127.0.0.1:5000/mybox:v1
# rows for one image in several repositories come in no fixed order (a Go map in docker/cli): sorted
  $ docker images --format '{{.Repository}}:{{.Tag}}' | sort
  127.0.0.1:5000/mybox:v1
  busybox:latest
