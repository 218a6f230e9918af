# title: seed 000: tag an image by its ID
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name sinatra busybox touch /x
  $ docker commit sinatra ouruser/sinatra:v2 >/dev/null
  $ ID=$(docker images -q ouruser/sinatra:v2)
  $ docker tag $ID ouruser/sinatra:devel
  $ docker images ouruser/sinatra --format '{{.ID}} {{.Tag}}' | sort -k2
  aa01e232cc95 devel
  aa01e232cc95 v2
  $ docker tag ${ID:0:4} ouruser/sinatra:short
  $ docker images -q ouruser/sinatra | sort -u | wc -l
  1
  $ docker rmi ouruser/sinatra:short
  Untagged: ouruser/sinatra:short
