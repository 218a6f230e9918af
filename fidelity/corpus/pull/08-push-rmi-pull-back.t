# title: push to the private registry, remove, pull back
# topic: pull

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
  $ docker pull 127.0.0.1:5000/mybox:v1
  v1: Pulling from mybox
  Digest: sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Status: Downloaded newer image for 127.0.0.1:5000/mybox:v1
  127.0.0.1:5000/mybox:v1
  $ docker run --rm 127.0.0.1:5000/mybox:v1 echo from the private registry
  from the private registry
  $ docker images 127.0.0.1:5000/mybox --format '{{.Repository}} {{.Tag}}'
  127.0.0.1:5000/mybox v1
