# title: ADD extracts local tar archives, COPY does not; ADD of a URL
# topic: build
# seed: D07

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir -p ctx/payload/inner
  $ cd ctx
  $ echo one > payload/one.txt
  $ echo two > payload/inner/two.txt
  $ tar -cf plain.tar -C payload .
  $ tar -czf packed.tar.gz -C payload .
  $ cat > Dockerfile <<'EOF'
  > FROM busybox
  > ADD plain.tar /from-tar/
  > ADD packed.tar.gz /from-tgz
  > COPY packed.tar.gz /copied/
  > EOF
  $ DOCKER_BUILDKIT=0 docker build -t archives .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon   16.9kB
  Step 1/4 : FROM busybox
   ---> d5068c83069e
  Step 2/4 : ADD plain.tar /from-tar/
   ---> 33f982db275a
  Step 3/4 : ADD packed.tar.gz /from-tgz
   ---> 138ee4b69bce
  Step 4/4 : COPY packed.tar.gz /copied/
   ---> 0b130476e273
  Successfully built 0b130476e273
  Successfully tagged archives:latest
  $ docker run --rm archives find /from-tar /from-tgz /copied | sort
  /copied
  /copied/packed.tar.gz
  /from-tar
  /from-tar/inner
  /from-tar/inner/two.txt
  /from-tar/one.txt
  /from-tgz
  /from-tgz/inner
  /from-tgz/inner/two.txt
  /from-tgz/one.txt
  $ docker run --rm archives cat /from-tgz/inner/two.txt
  two
  $ docker history archives
  IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT
  0b130476e273   2 seconds ago   /bin/sh -c #(nop) COPY file:a5974371250cd7c5…   187B      
  138ee4b69bce   2 seconds ago   /bin/sh -c #(nop) ADD file:a5974371250cd7c5b…   8B        
  33f982db275a   2 seconds ago   /bin/sh -c #(nop) ADD file:ad2d89f945d79a9c3…   8B        
  d5068c83069e   6 hours ago     /bin/sh -c #(nop)  CMD ["sh"]                   0B        
  <missing>      6 hours ago     /bin/sh -c #(nop) ADD file:97e6624b2687718d8…   1.98MB    
# a URL source is downloaded, never extracted; nothing listens on port 9
  $ printf 'FROM busybox\nADD http://127.0.0.1:9/x /x\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t archives .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon   16.9kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : ADD http://127.0.0.1:9/x /x
  ADD failed: Get "http://127.0.0.1:9/x": dial tcp 127.0.0.1:9: connect: connection refused
  [1]
  $ printf 'FROM busybox\nCOPY http://127.0.0.1:9/x /x\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t archives .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon   16.9kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : COPY http://127.0.0.1:9/x /x
  COPY failed: source can't be a URL for COPY
  [1]
