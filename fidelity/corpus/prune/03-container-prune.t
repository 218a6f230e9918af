# title: docker container prune -f removes stopped containers only
# topic: prune

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name done busybox true
  $ docker create --name fresh busybox true
  657126ceef0fdae85f9703561f4050f2410e53eb254db01d19f323cbf7e2c41b
  $ docker run -d --name up busybox sleep 1000
  07031725c1b0c2fce2320200e95b683d5118a94f2e7e039aaa9255223687c29b
  $ docker container prune -f
  Deleted Containers:
  657126ceef0fdae85f9703561f4050f2410e53eb254db01d19f323cbf7e2c41b
  3387fe429c0e9e1dc23ad3fa3663d467d7744b87fa4de06edd7417f0bf50bbbd
  
  Total reclaimed space: 0B
  $ docker ps -a --format '{{.Names}} {{.Status}}'
  up Up Less than a second
  $ docker container prune --force
  Total reclaimed space: 0B
  $ docker rm -f up
  up
