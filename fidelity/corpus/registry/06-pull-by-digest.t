# title: pull from the private registry by digest
# topic: registry

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker tag busybox 127.0.0.1:5000/bb:v1
  $ docker push -q 127.0.0.1:5000/bb:v1
  127.0.0.1:5000/bb:v1
  $ D=$(docker images --digests --format '{{.Digest}}' 127.0.0.1:5000/bb)
# busybox's own digest is the Hub's (a multi-platform index there, one manifest in the recorder's mirror): not shown
  $ docker rmi busybox 127.0.0.1:5000/bb:v1 | grep -v busybox@
  Untagged: busybox:latest
  Untagged: 127.0.0.1:5000/bb:v1
  Untagged: 127.0.0.1:5000/bb@sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  Deleted: sha256:d5068c83069e7b27026f65d46c333cffd9cce1a1e9105923f87147197cce8031
  Deleted: sha256:e9427307c77a478d0f81d5a95538f3d306fd509e502eb56821719b313c0aa06b
  $ docker pull 127.0.0.1:5000/bb@$D
  127.0.0.1:5000/bb@sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163: Pulling from bb
  aa06a41bc224: Pulling fs layer
  aa06a41bc224: Download complete
  aa06a41bc224: Pull complete
  Digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  Status: Downloaded newer image for 127.0.0.1:5000/bb@sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  127.0.0.1:5000/bb@sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  $ docker pull 127.0.0.1:5000/bb@$D
  127.0.0.1:5000/bb@sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163: Pulling from bb
  Digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  Status: Image is up to date for 127.0.0.1:5000/bb@sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  127.0.0.1:5000/bb@sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  $ docker images --digests --format '{{.Repository}} {{.Tag}} {{.Digest}}'
  127.0.0.1:5000/bb <none> sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  $ docker pull -q 127.0.0.1:5000/bb:v1@$D
  127.0.0.1:5000/bb:v1@sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  $ docker pull 127.0.0.1:5000/bb@sha256:0000000000000000000000000000000000000000000000000000000000000000
  Error response from daemon: manifest for 127.0.0.1:5000/bb@sha256:0000000000000000000000000000000000000000000000000000000000000000 not found: manifest unknown: manifest unknown
  [1]
  $ docker pull 127.0.0.1:5000/bb@sha256:0000
  invalid reference format
  [1]
