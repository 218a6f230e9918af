# title: docker images --digests for pulled and committed images
# topic: images

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name ca busybox true
  $ docker commit ca local >/dev/null
  $ docker images --digests
  REPOSITORY   TAG       DIGEST                                                                    IMAGE ID       CREATED                  SIZE
  local        latest    <none>                                                                    44b137812878   Less than a second ago   1.98MB
  busybox      latest    sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f   7cac330e49e5   About an hour ago        1.98MB
  $ docker images --format '{{.Repository}} {{.Digest}}'
  local <none>
  busybox sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  $ docker images --digests busybox --format '{{.Tag}} {{.Digest}}'
  latest sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
