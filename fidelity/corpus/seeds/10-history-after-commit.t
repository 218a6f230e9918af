# title: seed 001: docker history of a committed image
# topic: seeds

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name hist busybox sh -c 'echo v1 > /version'
  $ docker commit -m "first" hist myapp:v1 >/dev/null
  $ docker history myapp:v1
  IMAGE          CREATED                  CREATED BY                                      SIZE      COMMENT
  cc5f4221ebde   Less than a second ago   sh -c echo v1 > /version                        3B        first
  7cac330e49e5   2 hours ago              /bin/sh -c #(nop)  CMD ["sh"]                   0B        
  <missing>      2 hours ago              /bin/sh -c #(nop) ADD file:97e6624b2687718d8…   1.98MB    
  $ docker history --no-trunc --format '{{.CreatedBy}}' myapp:v1
  sh -c echo v1 > /version
  /bin/sh -c #(nop)  CMD ["sh"]
  /bin/sh -c #(nop) ADD file:97e6624b2687718d8032c0ade0365e361cedcd7dcee22f3e054b490a4c4666cc in / 
  $ docker history -q myapp:v1 | wc -l
  3
  $ docker image history --format '{{.Comment}}|{{.CreatedBy}}' myapp:v1 | head -n 1
  first|sh -c echo v1 > /version
