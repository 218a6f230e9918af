# title: docker tag with uppercase and malformed names
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker tag busybox MyBox
  Error parsing reference: "MyBox" is not a valid repository/tag: invalid reference format: repository name (library/MyBox) must be lowercase
  [1]
  $ docker tag busybox mybox:Latest
  $ docker tag busybox my_box
  $ docker tag busybox mybox:
  Error parsing reference: "mybox:" is not a valid repository/tag: invalid reference format
  [1]
  $ docker tag busybox :v1
  Error parsing reference: ":v1" is not a valid repository/tag: invalid reference format
  [1]
  $ docker tag busybox mybox/
  Error parsing reference: "mybox/" is not a valid repository/tag: invalid reference format
  [1]
  $ docker tag busybox mybox:v1 extra
  docker: 'docker tag' requires 2 arguments
  
  Usage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]
  
  Run 'docker tag --help' for more information
  [1]
  $ docker images --format '{{.Repository}}:{{.Tag}}' | sort
  busybox:latest
  my_box:latest
  mybox:Latest
