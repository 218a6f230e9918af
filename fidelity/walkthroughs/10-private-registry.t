# title: A private registry in a container: push, pull back, what it stores, what stopping and removing it does
# seed: R08, L11 steps 6-7 (docker run -d -p 5000:5000 --name registry registry:2; docker tag; docker push localhost:5000/...)
# topic: walkthroughs
# The transcripts' machine already runs a registry on port 5000 (as the
# recording machine does), so this one publishes 5001; in the page the
# lesson uses 5000.
  $ docker push localhost:5001/busybox
  Using default tag: latest
  The push refers to repository [localhost:5001/busybox]
  An image does not exist locally with the tag: localhost:5001/busybox
  [1]
  $ docker pull -q busybox && docker tag busybox localhost:5001/busybox
  docker.io/library/busybox:latest
  $ docker push localhost:5001/busybox
  Using default tag: latest
  The push refers to repository [localhost:5001/busybox]
  Get "http://localhost:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused
  [1]
  $ docker run -d -p 5001:5000 --name registry registry:2 > /dev/null 2>&1
  $ docker ps --format '{{.Names}}\t{{.Ports}}'
  registry	0.0.0.0:5001->5000/tcp, [::]:5001->5000/tcp
  $ docker push localhost:5001/busybox
  Using default tag: latest
  The push refers to repository [localhost:5001/busybox]
  96a41fd86158: Preparing
  96a41fd86158: Pushed
  latest: digest: sha256:8257352a680d0293f08ec99768322724f313e7bcfff1aee6682003ee86c35c16 size: 527
  $ curl -s localhost:5001/v2/_catalog
  {"repositories":["busybox"]}
  $ curl -s localhost:5001/v2/busybox/tags/list
  {"name":"busybox","tags":["latest"]}
  $ docker exec registry ls /var/lib/registry/docker/registry/v2/repositories/busybox
  _layers
  _manifests
  _uploads
  $ docker rmi localhost:5001/busybox
  Untagged: localhost:5001/busybox:latest
  Untagged: localhost:5001/busybox@sha256:8257352a680d0293f08ec99768322724f313e7bcfff1aee6682003ee86c35c16
  $ docker pull localhost:5001/busybox
  Using default tag: latest
  latest: Pulling from busybox
  Digest: sha256:8257352a680d0293f08ec99768322724f313e7bcfff1aee6682003ee86c35c16
  Status: Downloaded newer image for localhost:5001/busybox:latest
  localhost:5001/busybox:latest
# a stopped registry answers nothing; started again, it has what it had
  $ docker stop registry > /dev/null && docker pull -q localhost:5001/busybox
  Error response from daemon: Get "http://localhost:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused
  [1]
  $ docker start registry > /dev/null && sleep 1 && curl -s localhost:5001/v2/_catalog
  {"repositories":["busybox"]}
# removed, its files go with it: a new registry container starts empty
  $ docker rm -f registry > /dev/null && docker run -d -p 5001:5000 --name registry registry:2 > /dev/null && sleep 1 && curl -s localhost:5001/v2/_catalog
  {"repositories":[]}
# port 5000 is the machine's own registry service here: taken
  $ docker run -d -p 5000:5000 registry:2 > /dev/null
  docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint competent_banach (86a2b65fd40ecf81ff3ce240cd296e20394d6e2e474299da2c566d578dff831d): failed to bind host port for 0.0.0.0:5000:172.17.0.2:5000/tcp: address already in use
  
  Run 'docker run --help' for more information
  [125]
