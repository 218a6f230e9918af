# title: Reusing a container name (seed W40)
# topic: errors

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name tomcatstart busybox sleep 1000 >/dev/null
  $ docker run -d --name tomcatstart busybox sleep 1000
  docker: Error response from daemon: Conflict. The container name "/tomcatstart" is already in use by container "3651b2e423aded7cb44d8902f04c86465bbf00f15d9a240e06fd7033ad9c9810". You have to remove (or rename) that container to be able to reuse that name.
  
  Run 'docker run --help' for more information
  [125]
  $ docker create --name tomcatstart busybox
  Error response from daemon: Conflict. The container name "/tomcatstart" is already in use by container "3651b2e423aded7cb44d8902f04c86465bbf00f15d9a240e06fd7033ad9c9810". You have to remove (or rename) that container to be able to reuse that name.
  [1]
  $ docker rename tomcatstart tomcatold
  $ docker run -d --name tomcatstart busybox sleep 1000 >/dev/null
  $ docker ps --format '{{.Names}}' | sort
  tomcatold
  tomcatstart
  $ docker rm -f tomcatstart tomcatold
  tomcatstart
  tomcatold
