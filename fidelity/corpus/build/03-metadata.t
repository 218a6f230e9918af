# title: Metadata instructions: ENV, LABEL, EXPOSE, WORKDIR, USER, VOLUME, STOPSIGNAL, MAINTAINER, SHELL
# topic: build
# seed: D04 D08 D10 D11

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir meta
  $ cd meta
  $ cat > Dockerfile <<'EOF'
  > FROM busybox
  > MAINTAINER Docker Newbee <newbee@docker.com>
  > ENV NAME World
  > ENV GREETING="hello there" COLOR=blue
  > LABEL version="1.0" description="a labelled image"
  > EXPOSE 80 443/tcp 53/udp
  > WORKDIR /app
  > WORKDIR /etc
  > WORKDIR sub
  > USER nobody
  > VOLUME /data
  > VOLUME ["/cache", "/logs"]
  > STOPSIGNAL SIGINT
  > SHELL ["/bin/sh", "-e", "-c"]
  > RUN pwd; id -un; echo "$GREETING $NAME in $COLOR"
  > EOF
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t meta .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/15 : FROM busybox
   ---> d5068c83069e
  Step 2/15 : MAINTAINER Docker Newbee <newbee@docker.com>
   ---> Running in dbda371c3002
   ---> Removed intermediate container dbda371c3002
   ---> 1e6dad95ee68
  Step 3/15 : ENV NAME World
   ---> Running in 8383400bc766
   ---> Removed intermediate container 8383400bc766
   ---> 74b101677c90
  Step 4/15 : ENV GREETING="hello there" COLOR=blue
   ---> Running in 96a91de9b2a5
   ---> Removed intermediate container 96a91de9b2a5
   ---> 86cb78171b80
  Step 5/15 : LABEL version="1.0" description="a labelled image"
   ---> Running in 44bea0df781c
   ---> Removed intermediate container 44bea0df781c
   ---> 7c7b10fb6126
  Step 6/15 : EXPOSE 80 443/tcp 53/udp
   ---> Running in 4e0fb7d5c9fa
   ---> Removed intermediate container 4e0fb7d5c9fa
   ---> b948c482baca
  Step 7/15 : WORKDIR /app
   ---> Running in 6d9f9bf5b9f2
   ---> Removed intermediate container 6d9f9bf5b9f2
   ---> 203eaa76f92b
  Step 8/15 : WORKDIR /etc
   ---> Running in d2777ede8068
   ---> Removed intermediate container d2777ede8068
   ---> 29f6274205b8
  Step 9/15 : WORKDIR sub
   ---> Running in 27901a2a164f
   ---> Removed intermediate container 27901a2a164f
   ---> 476099aac821
  Step 10/15 : USER nobody
   ---> Running in 71339c7750cc
   ---> Removed intermediate container 71339c7750cc
   ---> bc3aae8b2c5d
  Step 11/15 : VOLUME /data
   ---> Running in 113c0bda189c
   ---> Removed intermediate container 113c0bda189c
   ---> 97f3fed812b5
  Step 12/15 : VOLUME ["/cache", "/logs"]
   ---> Running in de0977f02c6f
   ---> Removed intermediate container de0977f02c6f
   ---> 747d8c1dd7b1
  Step 13/15 : STOPSIGNAL SIGINT
   ---> Running in 34dd951834e4
   ---> Removed intermediate container 34dd951834e4
   ---> 6d6dbbda54ed
  Step 14/15 : SHELL ["/bin/sh", "-e", "-c"]
   ---> Running in 07cdd6bb4c52
   ---> Removed intermediate container 07cdd6bb4c52
   ---> 852f435440d0
  Step 15/15 : RUN pwd; id -un; echo "$GREETING $NAME in $COLOR"
   ---> Running in 627967d44684
  /etc/sub
  nobody
  hello there World in blue
   ---> Removed intermediate container 627967d44684
   ---> a3cdecbfb95a
  Successfully built a3cdecbfb95a
  Successfully tagged meta:latest
  $ docker history meta
  IMAGE          CREATED                  CREATED BY                                      SIZE      COMMENT
  a3cdecbfb95a   Less than a second ago   /bin/sh -e -c pwd; id -un; echo "$GREETING $…   0B        
  852f435440d0   1 second ago             /bin/sh -e -c #(nop)  SHELL [/bin/sh -e -c]     0B        
  6d6dbbda54ed   1 second ago             /bin/sh -c #(nop)  STOPSIGNAL SIGINT            0B        
  747d8c1dd7b1   2 seconds ago            /bin/sh -c #(nop)  VOLUME [/cache /logs]        0B        
  97f3fed812b5   2 seconds ago            /bin/sh -c #(nop)  VOLUME [/data]               0B        
  bc3aae8b2c5d   2 seconds ago            /bin/sh -c #(nop)  USER nobody                  0B        
  476099aac821   2 seconds ago            /bin/sh -c #(nop) WORKDIR /etc/sub              0B        
  29f6274205b8   2 seconds ago            /bin/sh -c #(nop) WORKDIR /etc                  0B        
  203eaa76f92b   3 seconds ago            /bin/sh -c #(nop) WORKDIR /app                  0B        
  b948c482baca   3 seconds ago            /bin/sh -c #(nop)  EXPOSE 443/tcp 53/udp 80     0B        
  7c7b10fb6126   3 seconds ago            /bin/sh -c #(nop)  LABEL version=1.0 descrip…   0B        
  86cb78171b80   3 seconds ago            /bin/sh -c #(nop)  ENV GREETING=hello there …   0B        
  74b101677c90   3 seconds ago            /bin/sh -c #(nop)  ENV NAME=World               0B        
  1e6dad95ee68   4 seconds ago            /bin/sh -c #(nop)  MAINTAINER Docker Newbee …   0B        
  d5068c83069e   5 hours ago              /bin/sh -c #(nop)  CMD ["sh"]                   0B        
  <missing>      5 hours ago              /bin/sh -c #(nop) ADD file:97e6624b2687718d8…   1.98MB    
  $ docker inspect --format '{{json .Config.Env}}' meta
  ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","NAME=World","GREETING=hello there","COLOR=blue"]
  $ docker inspect --format '{{json .Config.Labels}}' meta
  {"description":"a labelled image","version":"1.0"}
  $ docker inspect --format '{{json .Config.ExposedPorts}}' meta
  {"443/tcp":{},"53/udp":{},"80/tcp":{}}
  $ docker inspect --format '{{.Config.WorkingDir}} {{.Config.User}} {{.Config.StopSignal}} {{.Author}}' meta
  /etc/sub nobody SIGINT Docker Newbee <newbee@docker.com>
  $ docker inspect --format '{{json .Config.Volumes}} {{json .Config.Shell}} {{json .Config.Cmd}}' meta
  {"/cache":{},"/data":{},"/logs":{}} ["/bin/sh","-e","-c"] ["sh"]
  $ docker run --rm meta sh -c 'pwd; id -un; echo $NAME'
  /etc/sub
  nobody
  World
  $ docker run --rm meta stat -c '%n %U %a' /app /etc/sub /data
  /app root 755
  /etc/sub root 755
  /data root 755
