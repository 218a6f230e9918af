# title: Commit a container and run the new image
# topic: commit

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name work busybox sh -c 'echo hello > /hello.txt'
  $ docker commit work myimg:v1
  sha256:91338dcc9066b4cb12dcfb63de186393ec851096b6642afd4dc74004fa5f8fa2
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  myimg:v1
  busybox:latest
  $ docker run --rm myimg:v1 cat /hello.txt
  hello
  $ docker history myimg:v1
  IMAGE          CREATED          CREATED BY                                      SIZE      COMMENT
  91338dcc9066   1 second ago     sh -c echo hello > /hello.txt                   6B        
  7cac330e49e5   20 minutes ago   /bin/sh -c #(nop)  CMD ["sh"]                   0B        
  <missing>      20 minutes ago   /bin/sh -c #(nop) ADD file:97e6624b2687718d8…   1.98MB    
  $ docker diff work
  A /hello.txt
  $ docker container commit work myimg
  sha256:43414000728cebbd811f91eb2ea8ef78e04d3aaed69f9a6207aa0e15a1059b9e
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  myimg:latest
  myimg:v1
  busybox:latest
