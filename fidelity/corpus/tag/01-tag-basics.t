# title: Tagging an image under new names
# topic: tag

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker tag busybox mybox
  $ docker tag busybox mybox:v1
  $ docker image tag busybox:latest 127.0.0.1:5000/team/mybox:1.0
  $ docker images mybox
  REPOSITORY   TAG       IMAGE ID       CREATED          SIZE
  mybox        latest    7cac330e49e5   43 minutes ago   1.98MB
  mybox        v1        7cac330e49e5   43 minutes ago   1.98MB
# rows for one image in several repositories come in no fixed order (a Go map in docker/cli): sorted
  $ docker images --format '{{.Repository}}:{{.Tag}}' | sort
  127.0.0.1:5000/team/mybox:1.0
  busybox:latest
  mybox:latest
  mybox:v1
  $ docker images --format '{{.ID}} {{.Repository}}:{{.Tag}}' | sort -u -k1,1 | wc -l
  1
