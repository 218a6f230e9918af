# title: Prose and prompts pasted with the command (seed W36, W37)
# topic: errors

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker history busybox 查看镜像的构建过程
  docker: 'docker history' requires 1 argument
  
  Usage:  docker history [OPTIONS] IMAGE
  
  Run 'docker history --help' for more information
  [1]
  $ docker rmi busybox 删除镜像
  Untagged: busybox:latest
  Untagged: busybox@sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Deleted: sha256:7cac330e49e5b77c000ed2db75e1ae90ccefdfa7072c15cfd79709f3d1f3d694
  Deleted: sha256:e9427307c77a478d0f81d5a95538f3d306fd509e502eb56821719b313c0aa06b
  Error response from daemon: invalid reference format
  [1]
  $ [root@dst6 ~]# docker images
  bash: [root@dst6: command not found
  [127]
  $ docker pull busybox 127.0.0.1:5000
  docker: 'docker pull' requires 1 argument
  
  Usage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]
  
  Run 'docker pull --help' for more information
  [1]
  $ docker run --name one busybox true
  Unable to find image 'busybox:latest' locally
  latest: Pulling from library/busybox
  aa06a41bc224: Pulling fs layer
  aa06a41bc224: Download complete
  aa06a41bc224: Pull complete
  Digest: sha256:6df002d478450d094a3a27635ae7cbc9dbd349b4b596cff02f6debf0e96f355f
  Status: Downloaded newer image for busybox:latest
  $ docker commit -m=”a new image” --author=”bigdata” one harbourside/yongyou
  docker: 'docker commit' requires at least 1 and at most 2 arguments
  
  Usage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]
  
  Run 'docker commit --help' for more information
  [1]
  $ :test
  bash: :test: command not found
  [127]
