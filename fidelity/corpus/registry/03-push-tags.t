# title: a repository with several tags: push without a tag pushes latest, -a pushes every tag
# topic: registry

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker tag busybox 127.0.0.1:5000/bb:v1
  $ docker tag busybox 127.0.0.1:5000/bb:v2
  $ docker push 127.0.0.1:5000/bb
  Using default tag: latest
  The push refers to repository [127.0.0.1:5000/bb]
  tag does not exist: 127.0.0.1:5000/bb:latest
  [1]
  $ docker push --all-tags 127.0.0.1:5000/bb
  The push refers to repository [127.0.0.1:5000/bb]
  e9427307c77a: Preparing
  e9427307c77a: Pushed
  v1: digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163 size: 528
  e9427307c77a: Preparing
  e9427307c77a: Layer already exists
  v2: digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163 size: 528
  $ docker push -a 127.0.0.1:5000/bb:v1
  tag can't be used with --all-tags/-a
  [1]
  $ docker tag busybox 127.0.0.1:5000/bb
  $ docker push -a -q 127.0.0.1:5000/bb
  127.0.0.1:5000/bb
  $ docker push --quiet 127.0.0.1:5000/bb:v2
  127.0.0.1:5000/bb:v2
