# title: docker history: <missing> rows, --no-trunc, -q
# topic: history

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker history busybox
  IMAGE          CREATED          CREATED BY                                      SIZE      COMMENT
  7cac330e49e5   22 minutes ago   /bin/sh -c #(nop)  CMD ["sh"]                   0B        
  <missing>      22 minutes ago   /bin/sh -c #(nop) ADD file:97e6624b2687718d8…   1.98MB    
  $ docker history --no-trunc busybox
  IMAGE                                                                     CREATED          CREATED BY                                                                                          SIZE      COMMENT
  sha256:7cac330e49e5b77c000ed2db75e1ae90ccefdfa7072c15cfd79709f3d1f3d694   22 minutes ago   /bin/sh -c #(nop)  CMD ["sh"]                                                                       0B        
  <missing>                                                                 22 minutes ago   /bin/sh -c #(nop) ADD file:97e6624b2687718d8032c0ade0365e361cedcd7dcee22f3e054b490a4c4666cc in /    1.98MB    
  $ docker history -q busybox
  7cac330e49e5
  <missing>
  $ docker image history debian:bookworm-slim
  IMAGE          CREATED          CREATED BY                                      SIZE      COMMENT
  b6002da5c5c0   21 minutes ago   /bin/sh -c #(nop)  CMD ["bash"]                 0B        
  <missing>      21 minutes ago   /bin/sh -c #(nop) ADD file:69f41a813cc70ff7b…   74.8MB    
  $ docker history --format '{{.ID}}: {{.CreatedBy}}' busybox
  7cac330e49e5: /bin/sh -c #(nop)  CMD ["sh"]
  <missing>: /bin/sh -c #(nop) ADD file:97e6624b2687718d8…
  $ docker history --format 'table {{.CreatedBy}}\t{{.Size}}' busybox
  CREATED BY                                      SIZE
  /bin/sh -c #(nop)  CMD ["sh"]                   0B
  /bin/sh -c #(nop) ADD file:97e6624b2687718d8…   1.98MB
  $ docker history nosuch
  Error response from daemon: No such image: nosuch:latest
  [1]
