# title: history of debian:bookworm-slim
# topic: history

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker history debian:bookworm-slim
  IMAGE          CREATED             CREATED BY                                      SIZE      COMMENT
  b6002da5c5c0   About an hour ago   /bin/sh -c #(nop)  CMD ["bash"]                 0B        
  <missing>      About an hour ago   /bin/sh -c #(nop) ADD file:69f41a813cc70ff7b…   74.8MB    
  $ docker history --no-trunc --format '{{.CreatedBy}}' debian:bookworm-slim
  /bin/sh -c #(nop)  CMD ["bash"]
  /bin/sh -c #(nop) ADD file:69f41a813cc70ff7be607ac35ebda6b9954ff524026d088f0bd2c655ea69e8f1 in / 
  $ docker history --format '{{.Size}}' debian:bookworm-slim
  0B
  74.8MB
  $ docker image history -q debian:bookworm-slim
  b6002da5c5c0
  <missing>
