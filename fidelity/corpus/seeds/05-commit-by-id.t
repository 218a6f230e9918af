# title: seed 001: commit by container ID, with and without a tag
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name test_dev busybox sh -c 'echo "set number" > /root/.vimrc'
  $ CID=$(docker ps -lq)
  $ docker commit $CID harbourside/bigdata
  sha256:b40ccd6139bb06fd5d0754c4335cfd085663bf9699cbcc02b840714ba2d01db0
  $ docker images harbourside/bigdata --format '{{.Repository}}:{{.Tag}}'
  harbourside/bigdata:latest
  $ docker commit -m="a new image" --author="bigdata" $CID harbourside/yongyou:test
  sha256:bdc2a33e61e2ae1e3efc6df9df496c3f417154e2672401ab0bc963bdd15f89d9
  $ docker inspect -f '{{.Comment}} / {{.Author}}' harbourside/yongyou:test
  a new image / bigdata
  $ docker run --rm harbourside/yongyou:test cat /root/.vimrc
  set number
  $ docker history --format '{{.Comment}}' harbourside/yongyou:test | head -n 1
  a new image
