# title: push to the private registry, then push the same image again
# topic: registry

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker tag busybox 127.0.0.1:5000/bb
  $ docker push 127.0.0.1:5000/bb
  Using default tag: latest
  The push refers to repository [127.0.0.1:5000/bb]
  e9427307c77a: Preparing
  e9427307c77a: Pushed
  latest: digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163 size: 528
  $ docker push 127.0.0.1:5000/bb:latest
  The push refers to repository [127.0.0.1:5000/bb]
  e9427307c77a: Preparing
  e9427307c77a: Layer already exists
  latest: digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163 size: 528
  $ docker image push 127.0.0.1:5000/bb
  Using default tag: latest
  The push refers to repository [127.0.0.1:5000/bb]
  e9427307c77a: Preparing
  e9427307c77a: Layer already exists
  latest: digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163 size: 528
  $ docker images --digests --format '{{.Repository}} {{.Tag}} {{.Digest}}' 127.0.0.1:5000/bb
  127.0.0.1:5000/bb latest sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
