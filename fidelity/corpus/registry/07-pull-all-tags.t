# title: pull -a when some tags are already here
# topic: registry

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker tag busybox 127.0.0.1:5000/multi:one
  $ docker tag busybox 127.0.0.1:5000/multi:two
  $ docker push -q -a 127.0.0.1:5000/multi
  127.0.0.1:5000/multi
  $ docker rmi 127.0.0.1:5000/multi:two
  Untagged: 127.0.0.1:5000/multi:two
  $ docker pull -a 127.0.0.1:5000/multi
  one: Pulling from multi
  Digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  two: Pulling from multi
  Digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  Status: Downloaded newer image for 127.0.0.1:5000/multi
  127.0.0.1:5000/multi
  $ docker pull --all-tags 127.0.0.1:5000/multi
  one: Pulling from multi
  Digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  two: Pulling from multi
  Digest: sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  Status: Image is up to date for 127.0.0.1:5000/multi
  127.0.0.1:5000/multi
  $ docker image pull -a -q 127.0.0.1:5000/multi
  127.0.0.1:5000/multi
  $ docker pull -a 127.0.0.1:5000/nosuch
  Error response from daemon: repository 127.0.0.1:5000/nosuch not found: name unknown: repository name not known to registry
  [1]
  $ docker images 127.0.0.1:5000/multi --format '{{.Tag}}' | sort
  one
  two
