# title: docker cp and ownership: the archive's ids, the container's user with -a, the host's user on the way out
  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run -d --name web --user 1000:1000 busybox sh -c 'echo mine > /tmp/owned; exec sleep 1000'
  f490cffd248e305b31110b5e3e9ffd91e9ed7fa4d308f7bceee2dbe94e494065
  $ sleep 1
  $ echo hi > f
  $ docker cp f web:/tmp/plain
  $ docker cp -a f web:/tmp/kept
  Error response from daemon: getent unable to find entry "1000:1000" in passwd database
  [1]
  $ docker exec web ls -n /tmp | sed 's/  */ /g' | cut -d' ' -f1,3,4,9
  total
  -rw-r--r-- 1000 1000 owned
  -rw-r--r-- 0 0 plain
  $ docker cp web:/tmp/owned .
  $ ls -n owned | sed 's/  */ /g' | cut -d' ' -f1,3,4,9
  -rw-r--r-- 0 0 owned
  $ docker cp -a web:/tmp/owned owned-a
  $ ls -n owned-a | sed 's/  */ /g' | cut -d' ' -f1,3,4,9
  -rw-r--r-- 0 0 owned-a
  $ docker run -d --name named --user nobody busybox sleep 1000
  d7654f686a8af41a720757d14c05828a137a829b42711f42ec85b2979a619526
  $ docker cp -a f named:/tmp/n
  $ docker cp f named:/tmp/p
  $ docker exec named ls -n /tmp | sed 's/  */ /g' | cut -d' ' -f1,3,4,9
  total
  -rw-r--r-- 65534 65534 n
  -rw-r--r-- 0 0 p
