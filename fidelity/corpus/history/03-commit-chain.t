# title: history of two stacked commits
# topic: history

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --name one busybox sh -c 'echo 1 > /one'
  $ docker commit -m step1 one stack:1 >/dev/null
  $ docker run --name two stack:1 sh -c 'echo 2 > /two'
  $ docker commit -m step2 two stack:2 >/dev/null
  $ docker history stack:2
  IMAGE          CREATED                  CREATED BY                                      SIZE      COMMENT
  48475c590acb   Less than a second ago   sh -c echo 2 > /two                             2B        step2
  0159d90af412   Less than a second ago   sh -c echo 1 > /one                             2B        step1
  7cac330e49e5   About an hour ago        /bin/sh -c #(nop)  CMD ["sh"]                   0B        
  <missing>      About an hour ago        /bin/sh -c #(nop) ADD file:97e6624b2687718d8…   1.98MB    
  $ docker history --format '{{.Comment}}' stack:2
  step2
  step1
  
  
  $ docker history -q stack:2 | grep -c missing
  1
