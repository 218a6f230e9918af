# title: docker save: the OCI layout Docker 28 writes, to a file or to stdout, and its errors
# The blob order follows the digests: the archive is listed order-independently (VERSIONS.md row 9).
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker save -o busybox.tar busybox
# modern: VERSIONS.md row 9: dockerd 20.10 saved <image-id>.json and <v1-id>/{VERSION,json,layer.tar}; Docker 25.0+ saves an OCI layout: blobs/sha256/<digest> for each config, layer tar, legacy v1 config and OCI manifest, then index.json, manifest.json, oci-layout, repositories
  $ tar -tf busybox.tar | sed -E 's/[0-9a-f]{64}$/<digest>/'
  blobs/
  blobs/sha256/
  blobs/sha256/<digest>
  blobs/sha256/<digest>
  blobs/sha256/<digest>
  blobs/sha256/<digest>
  index.json
  manifest.json
  oci-layout
  repositories
  $ tar -xOf busybox.tar repositories
  {"busybox":{"latest":"d8d7fbc42132dae1b348c3ba9032847979774c91a6c0b3d33849e2c8fd73f29d"}}
  $ tar -xOf busybox.tar manifest.json | grep -o '"RepoTags":\[[^]]*\]'
  "RepoTags":["busybox:latest"]
  $ docker save busybox > stdout.tar
  $ tar -tf stdout.tar | grep -c -x -e manifest.json -e repositories
  2
  $ docker image save busybox:latest busybox -o two.tar
  $ tar -xOf two.tar manifest.json | grep -o '"RepoTags":\[[^]]*\]'
  "RepoTags":["busybox:latest"]
  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
# modern: VERSIONS.md row 9: dockerd 20.10 saved <image-id>.json and <v1-id>/{VERSION,json,layer.tar}; Docker 25.0+ saves an OCI layout: blobs/sha256/<digest> for each config, layer tar, legacy v1 config and OCI manifest, then index.json, manifest.json, oci-layout, repositories
  $ docker save busybox debian:bookworm-slim | tar -t | sed -E 's/[0-9a-f]{64}$/<digest>/'
  blobs/
  blobs/sha256/
  blobs/sha256/<digest>
  blobs/sha256/<digest>
  blobs/sha256/<digest>
  blobs/sha256/<digest>
  blobs/sha256/<digest>
  blobs/sha256/<digest>
  blobs/sha256/<digest>
  blobs/sha256/<digest>
  index.json
  manifest.json
  oci-layout
  repositories
  $ docker save nosuch
  Error response from daemon: No such image: nosuch
  [1]
  $ docker save busybox:nosuch
  Error response from daemon: reference does not exist
  [1]
  $ docker save busybox nosuch
  Error response from daemon: No such image: nosuch
  [1]
  $ docker save -o nodir/x.tar busybox
  failed to save image: invalid output path: stat nodir: no such file or directory
  [1]
  $ docker save
  docker: 'docker save' requires at least 1 argument
  
  Usage:  docker save [OPTIONS] IMAGE [IMAGE...]
  
  See 'docker save --help' for more information
  [1]
