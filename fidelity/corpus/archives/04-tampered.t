# title: docker load refuses a layer whose content is not the one its image names, and keeps nothing
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker save -o busybox.tar busybox
  $ mkdir x && tar -xf busybox.tar -C x
  $ echo hi > f && tar -cf layer.tar f
  $ cp layer.tar "x/$(sed -E 's/.*"Layers":\["([^"]+)".*/\1/' x/manifest.json)"
  $ cd x && tar -cf ../bad.tar * && cd ..
  $ docker rmi -f busybox > /dev/null
  $ docker load -i bad.tar
  invalid diffID for layer 0: expected "sha256:e9427307c77a478d0f81d5a95538f3d306fd509e502eb56821719b313c0aa06b", got "sha256:87af6ecbed8d0f076f3d303c481841dbc861c79192d544cafddc319803ca63cd"
  [1]
  $ docker images -q | wc -l
  0
  $ docker load < busybox.tar
  Loaded image: busybox:latest
