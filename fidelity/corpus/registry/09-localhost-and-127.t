# title: localhost:5000 and 127.0.0.1:5000 are one server but two names
# topic: registry

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker tag busybox 127.0.0.1:5000/bb
  $ docker push -q 127.0.0.1:5000/bb
  127.0.0.1:5000/bb:latest
  $ docker pull localhost:5000/bb
  Using default tag: latest
  latest: Pulling from bb
  Digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  Status: Downloaded newer image for localhost:5000/bb:latest
  localhost:5000/bb:latest
  $ docker images --format '{{.Repository}}:{{.Tag}}' | sort
  127.0.0.1:5000/bb:latest
  busybox:latest
  localhost:5000/bb:latest
  $ docker rmi localhost:5000/bb
  Untagged: localhost:5000/bb:latest
  Untagged: localhost:5000/bb@sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  $ docker push localhost:5000/bb
  Using default tag: latest
  The push refers to repository [localhost:5000/bb]
  An image does not exist locally with the tag: localhost:5000/bb
  [1]
  $ docker tag busybox localhost:5000/bb2
  $ docker push localhost:5000/bb2
  Using default tag: latest
  The push refers to repository [localhost:5000/bb2]
  e9427307c77a: Preparing
  e9427307c77a: Pushed
  latest: digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163 size: 528
  $ docker pull -q 127.0.0.1:5000/bb2
  127.0.0.1:5000/bb2:latest
