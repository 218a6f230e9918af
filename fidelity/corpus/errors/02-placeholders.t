# title: Placeholders typed literally (seed W39, W41)
# topic: errors

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker tag image username/repository:tag
  Error response from daemon: No such image: image:latest
  [1]
  $ docker image rm xxxx
  Error response from daemon: No such image: xxxx:latest
  [1]
  $ docker exec container-id /bin/bash
  Error response from daemon: No such container: container-id
  [1]
  $ docker stop 474e2570f557
  Error response from daemon: No such container: 474e2570f557
  [1]
  $ docker logs 容器id
  Error response from daemon: No such container: 容器id
  [1]
  $ docker inspect -f '{{.Id}}' IMAGE
  
  Error: No such object: IMAGE
  [1]
