# title: -u on run and exec: names, groups, HOME, permissions, errors
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm -u www-data busybox sh -c 'id; echo $HOME'
  uid=33(www-data) gid=33(www-data) groups=33(www-data)
  /var/www
  $ docker run --rm -u nobody:www-data busybox id
  uid=65534(nobody) gid=33(www-data) groups=33(www-data)
  $ docker run --rm -u root:nosuchgroup busybox id
  docker: Error response from daemon: unable to find group nosuchgroup: no matching entries in group file
  
  Run 'docker run --help' for more information
  [125]
  $ docker run --rm -u 1000:1000 busybox sh -c 'id; whoami'
  uid=1000 gid=1000 groups=1000
  whoami: unknown uid 1000
  [1]
  $ docker run --rm busybox id
  uid=0(root) gid=0(root) groups=0(root),10(wheel)
  $ docker run --rm -u nobody busybox sh -c 'ls /root'
  ls: can't open '/root': Permission denied
  [1]
  $ docker run --rm -u nobody busybox sh -c 'cd /tmp && echo hi > mine && cat mine && stat -c "%A %U %G %s %n" mine && chmod 600 mine && rm mine && echo removed'
  hi
  -rw-r--r-- nobody nogroup 3 mine
  removed
  $ docker run --rm -u nobody busybox sh -c 'echo x > /etc/passwd'
  sh: can't create /etc/passwd: Permission denied
  [1]
  $ docker run --rm -u nobody busybox sh -c 'mkdir /newdir'
  mkdir: can't create directory '/newdir': Permission denied
  [1]
  $ docker run --rm -u nobody busybox sh -c 'rm /bin/ls'
  rm: can't remove '/bin/ls': Permission denied
  [1]
  $ docker run --rm -u nobody busybox sh -c 'chmod 777 /etc/passwd'
  chmod: /etc/passwd: Operation not permitted
  [1]
  $ docker run -d --name u1 busybox sleep 300
  b050cd68d0af4119234c1ef88ef0f60a3c5dfb9e4c8aaf3980c8db55e0f7219d
  $ docker exec -u nobody u1 id
  uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)
  $ docker exec -u nosuchuser u1 id
  unable to find user nosuchuser: no matching entries in passwd file
  [126]
  $ docker exec -u 1234 u1 sh -c 'echo $HOME; touch /tmp/x; stat -c "%A %u %g %n" /tmp/x'
  /
  -rw-r--r-- 1234 0 /tmp/x
  $ docker exec u1 sh -c 'stat -c "%A %u %g %n" /tmp/x'
  -rw-r--r-- 1234 0 /tmp/x
  $ docker run -d --name u2 -u nobody busybox sleep 300
  7e64154fef8434c905f7869e76e4c569a08ed238f3c86d02092f88c4d0053d02
  $ docker exec u2 id
  uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)
  $ docker exec -u root u2 id
  uid=0(root) gid=0(root) groups=0(root),10(wheel)
  $ docker inspect -f '{{.Config.User}}' u2
  nobody
  $ docker rm -f u1 u2
  u1
  u2
  $ docker run --name u3 -u nosuchuser busybox true
  docker: Error response from daemon: unable to find user nosuchuser: no matching entries in passwd file
  
  Run 'docker run --help' for more information
  [125]
  $ docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' u3
  created 128 unable to find user nosuchuser: no matching entries in passwd file
