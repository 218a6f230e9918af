# title: docker load: from a file or stdin, tagged or by ID, a tag that moves, and what is not an image archive
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker save busybox -o busybox.tar
  $ docker inspect --format '{{.Id}}' busybox
  sha256:d5068c83069e7b27026f65d46c333cffd9cce1a1e9105923f87147197cce8031
  $ docker history --format '{{.CreatedBy}}' busybox
  /bin/sh -c #(nop)  CMD ["sh"]
  /bin/sh -c #(nop) ADD file:97e6624b2687718d8…
  $ docker rmi busybox
  Untagged: busybox:latest
  Untagged: busybox@sha256:fd1b23fd39dd02ffccddb4bad573834fd301cf42c645abb2549978635f81f163
  Deleted: sha256:d5068c83069e7b27026f65d46c333cffd9cce1a1e9105923f87147197cce8031
  Deleted: sha256:e9427307c77a478d0f81d5a95538f3d306fd509e502eb56821719b313c0aa06b
  $ docker load < busybox.tar
  Loaded image: busybox:latest
  $ docker inspect --format '{{.Id}}' busybox
  sha256:d5068c83069e7b27026f65d46c333cffd9cce1a1e9105923f87147197cce8031
  $ docker history --format '{{.CreatedBy}}' busybox
  /bin/sh -c #(nop)  CMD ["sh"]
  /bin/sh -c #(nop) ADD file:97e6624b2687718d8…
  $ docker load -i busybox.tar
  Loaded image: busybox:latest
  $ docker load -q -i busybox.tar
  Loaded image: busybox:latest
  $ docker save busybox | docker load
  Loaded image: busybox:latest
  $ docker save -o byid.tar $(docker inspect --format '{{.Id}}' busybox)
  $ docker rmi busybox
  Untagged: busybox:latest
  Deleted: sha256:d5068c83069e7b27026f65d46c333cffd9cce1a1e9105923f87147197cce8031
  Deleted: sha256:e9427307c77a478d0f81d5a95538f3d306fd509e502eb56821719b313c0aa06b
  $ docker load -i byid.tar
  Loaded image ID: sha256:d5068c83069e7b27026f65d46c333cffd9cce1a1e9105923f87147197cce8031
  $ docker images --format '{{.Repository}}:{{.Tag}}'
  <none>:<none>
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker tag debian:bookworm-slim busybox
  $ docker load -i busybox.tar
  The image busybox:latest already exists, renaming the old one with ID sha256:721b28d0f322d3cdc3bf09f11e5da031b67ec2ae3313db4725df766b98ee8500 to empty string
  Loaded image: busybox:latest
  $ docker images --format '{{.Repository}}:{{.Tag}}' | sort
  busybox:latest
  debian:bookworm-slim
  $ docker load -i nosuch.tar
  open nosuch.tar: no such file or directory
  [1]
  $ echo hello > notatar
  $ docker load -i notatar
  Error processing tar file(exit status 1): unexpected EOF
  [1]
  $ docker load -i /dev/null 2>&1 | sed -E 's/docker-import-[0-9]+/docker-import-N/'
  open /tmp/dockerd/root/tmp/docker-import-N/repositories: no such file or directory
  $ tar -cf other.tar notatar
  $ docker load -i other.tar 2>&1 | sed -E 's/docker-import-[0-9]+/docker-import-N/'
  open /tmp/dockerd/root/tmp/docker-import-N/repositories: no such file or directory
  $ docker load extra
  docker: 'docker load' accepts no arguments
  
  Usage:  docker load [OPTIONS]
  
  Run 'docker load --help' for more information
  [1]
