# title: pwd, id, whoami, uname, hostname and env in busybox
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox pwd
  /
  $ docker run --rm -w /tmp busybox sh -c 'pwd; cd ..; pwd'
  /tmp
  /
  $ docker run --rm busybox id
  uid=0(root) gid=0(root) groups=0(root),10(wheel)
  $ docker run --rm busybox whoami
  root
  $ docker run --rm busybox uname -s
  Linux
  $ docker run --rm -h box1 busybox hostname
  box1
  $ docker run --rm -e GREETING=hi busybox sh -c 'env | sort'
  GREETING=hi
  HOME=/root
  HOSTNAME=52460c597856
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  PWD=/
  SHLVL=1
  $ docker run --rm -u nobody busybox id
  uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)
  $ docker run --rm -u 1000 busybox sh -c 'id; whoami 2>&1'
  uid=1000 gid=0(root) groups=0(root)
  whoami: unknown uid 1000
  [1]
