# title: docker run -u with names, ids and groups
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm -u nobody busybox id -un
  nobody
  $ docker run --rm -u 65534:65534 busybox id
  uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)
  $ docker run --rm -u 0:100 busybox id
  uid=0(root) gid=100(users) groups=100(users)
  $ docker run --rm -u nosuchuser busybox id
  docker: Error response from daemon: unable to find user nosuchuser: no matching entries in passwd file
  
  Run 'docker run --help' for more information
  [125]
  $ docker run --rm -u www-data busybox sh -c 'touch /etc/x'
  touch: /etc/x: Permission denied
  [1]
  $ docker run --rm -u 1234 busybox sh -c 'echo $HOME; touch /tmp/ok && echo wrote'
  /
  wrote
