# title: commit -m, -a and -c, then history
# topic: commit

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name work busybox sh -c 'echo hello > /hello.txt'
  $ docker commit -m 'add hello' -a 'Jane <jane@example.com>' -c 'CMD ["cat", "/hello.txt"]' work myimg:v2
  sha256:acbb98ef6c1a88e104e4de90f038198dc113b8cc15a4f3ee4bacf8d62f394d7e
  $ docker run --rm myimg:v2
  hello
  $ docker history myimg:v2
  IMAGE          CREATED                  CREATED BY                                      SIZE      COMMENT
  acbb98ef6c1a   Less than a second ago   sh -c echo hello > /hello.txt                   6B        add hello
  7cac330e49e5   20 minutes ago           /bin/sh -c #(nop)  CMD ["sh"]                   0B        
  <missing>      20 minutes ago           /bin/sh -c #(nop) ADD file:97e6624b2687718d8…   1.98MB    
  $ docker history --format '{{.CreatedBy}} | {{.Comment}}' myimg:v2
  sh -c echo hello > /hello.txt | add hello
  /bin/sh -c #(nop)  CMD ["sh"] | 
  /bin/sh -c #(nop) ADD file:97e6624b2687718d8… | 
  $ docker inspect -f '{{.Author}} | {{.Comment}} | {{json .Config.Cmd}}' myimg:v2
  Jane <jane@example.com> | add hello | ["cat","/hello.txt"]
  $ docker commit --message=second --author=me -c 'ENV MODE=prod' work myimg:v3
  sha256:ca81855cb02d89fb7dcd8365e79ab4aec098aade3bd97778680e40286b95d65c
  $ docker run --rm myimg:v3 sh -c 'echo $MODE'
  prod
  $ docker history -q myimg:v3 | wc -l
  3
