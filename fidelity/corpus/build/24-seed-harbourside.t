# title: The harbourside/dockertest walk-through: MAINTAINER, ENV REFRESHED_AT, EXPOSE, --no-cache, history by ID
# topic: build
# seed: D02 D04 D08 D11 D15 D17 D18 D23 I36

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir -p data/program/dockerfile
  $ cd data/program/dockerfile
  $ cat > Dockerfile <<'EOF'
  > #Version:0.01
  > FROM busybox
  > MAINTAINER bigdata "79021218@qq.com"
  > ENV REFRESHED_AT 2017-11-28
  > RUN mkdir -p /usr/share/nginx/html && echo 'Hi, I am in your container' > /usr/share/nginx/html/index.html
  > EXPOSE 80
  > EOF
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t="harbourside/dockertest" .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/5 : FROM busybox
   ---> d5068c83069e
  Step 2/5 : MAINTAINER bigdata "79021218@qq.com"
   ---> Running in fe3c823fe0f9
   ---> Removed intermediate container fe3c823fe0f9
   ---> 35fdaf295d72
  Step 3/5 : ENV REFRESHED_AT 2017-11-28
   ---> Running in 3086ff668edb
   ---> Removed intermediate container 3086ff668edb
   ---> 93f36e5fc25d
  Step 4/5 : RUN mkdir -p /usr/share/nginx/html && echo 'Hi, I am in your container' > /usr/share/nginx/html/index.html
   ---> Running in 8073737f4819
   ---> Removed intermediate container 8073737f4819
   ---> 5649593e9193
  Step 5/5 : EXPOSE 80
   ---> Running in 496b26da63d2
   ---> Removed intermediate container 496b26da63d2
   ---> 9693dc8e60eb
  Successfully built 9693dc8e60eb
  Successfully tagged harbourside/dockertest:latest
  $ DOCKER_BUILDKIT=0 docker build -t="harbourside/dockertest:v1" .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/5 : FROM busybox
   ---> d5068c83069e
  Step 2/5 : MAINTAINER bigdata "79021218@qq.com"
   ---> Using cache
   ---> 35fdaf295d72
  Step 3/5 : ENV REFRESHED_AT 2017-11-28
   ---> Using cache
   ---> 93f36e5fc25d
  Step 4/5 : RUN mkdir -p /usr/share/nginx/html && echo 'Hi, I am in your container' > /usr/share/nginx/html/index.html
   ---> Using cache
   ---> 5649593e9193
  Step 5/5 : EXPOSE 80
   ---> Using cache
   ---> 9693dc8e60eb
  Successfully built 9693dc8e60eb
  Successfully tagged harbourside/dockertest:v1
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build --no-cache -t="harbourside/dockertest" .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  2.048kB
  Step 1/5 : FROM busybox
   ---> d5068c83069e
  Step 2/5 : MAINTAINER bigdata "79021218@qq.com"
   ---> Running in 976765ea00f3
   ---> Removed intermediate container 976765ea00f3
   ---> 6c8c1b0c1af6
  Step 3/5 : ENV REFRESHED_AT 2017-11-28
   ---> Running in 3018e576c646
   ---> Removed intermediate container 3018e576c646
   ---> f9be388bccae
  Step 4/5 : RUN mkdir -p /usr/share/nginx/html && echo 'Hi, I am in your container' > /usr/share/nginx/html/index.html
   ---> Running in 5a70b4e46bfe
   ---> Removed intermediate container 5a70b4e46bfe
   ---> 3b01e47b97e3
  Step 5/5 : EXPOSE 80
   ---> Running in bdfef149110d
   ---> Removed intermediate container bdfef149110d
   ---> 1199313d65a6
  Successfully built 1199313d65a6
  Successfully tagged harbourside/dockertest:latest
  $ docker images harbourside/dockertest
  REPOSITORY               TAG       IMAGE ID       CREATED                  SIZE
  harbourside/dockertest   latest    1199313d65a6   Less than a second ago   1.98MB
  harbourside/dockertest   v1        9693dc8e60eb   4 seconds ago            1.98MB
  $ docker history $(docker images -q harbourside/dockertest:latest)
  IMAGE          CREATED                  CREATED BY                                      SIZE      COMMENT
  1199313d65a6   Less than a second ago   /bin/sh -c #(nop)  EXPOSE 80                    0B        
  3b01e47b97e3   Less than a second ago   /bin/sh -c mkdir -p /usr/share/nginx/html &&…   27B       
  f9be388bccae   1 second ago             /bin/sh -c #(nop)  ENV REFRESHED_AT=2017-11-…   0B        
  6c8c1b0c1af6   1 second ago             /bin/sh -c #(nop)  MAINTAINER bigdata "79021…   0B        
  d5068c83069e   6 hours ago              /bin/sh -c #(nop)  CMD ["sh"]                   0B        
  <missing>      6 hours ago              /bin/sh -c #(nop) ADD file:97e6624b2687718d8…   1.98MB    
  $ docker inspect --format '{{.Author}} {{json .Config.ExposedPorts}}' harbourside/dockertest
  bigdata "79021218@qq.com" {"80/tcp":{}}
