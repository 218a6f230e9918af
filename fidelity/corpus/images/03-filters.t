# title: docker images --filter: dangling, before, since, reference, label
# topic: images

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --name c1 busybox sh -c 'echo 1 > /f'
  $ docker commit c1 myimg
  sha256:523fabf415881aa6262b6d377745f6d405ee573b8924036b4c8ed63b345a99e4
  $ docker commit -c 'LABEL team=red' c1 myimg
  sha256:1766accd7952bd3e8f0467c7918e46023de5f2d353226141b8c66e68ebee1d50
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  myimg:latest
  <none>:<none>
  debian:bookworm-slim
  busybox:latest
  $ docker images --filter dangling=true --format '{{.Repository}}:{{.Tag}}'
  <none>:<none>
  $ docker images -f dangling=false --format '{{.Repository}}:{{.Tag}}'
  myimg:latest
  debian:bookworm-slim
  busybox:latest
  $ docker images --filter before=debian:bookworm-slim --format '{{.Repository}}:{{.Tag}}'
  busybox:latest
  $ docker images --filter since=debian:bookworm-slim --format '{{.Repository}}:{{.Tag}}'
  myimg:latest
  <none>:<none>
  $ docker images --filter 'reference=busy*'
  REPOSITORY   TAG       IMAGE ID       CREATED          SIZE
  busybox      latest    7cac330e49e5   23 minutes ago   1.98MB
  $ docker images --filter reference=debian --format '{{.Repository}}:{{.Tag}}'
  debian:bookworm-slim
  $ docker images --filter label=team=red --format '{{.Repository}}:{{.Tag}}'
  myimg:latest
  $ docker images --filter label=team=blue
  REPOSITORY   TAG       IMAGE ID   CREATED   SIZE
