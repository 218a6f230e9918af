# title: awk in busybox: fields, patterns, sums and counts
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox awk -F: '{print $1}' /etc/passwd
  root
  daemon
  bin
  sys
  sync
  mail
  www-data
  operator
  nobody
  $ docker run --rm busybox awk -F: '$3 >= 33 {print $1, $3}' /etc/passwd
  www-data 33
  operator 37
  nobody 65534
  $ docker run --rm busybox awk 'NR <= 2 {print NR": "$0}' /etc/group
  1: root:x:0:
  2: daemon:x:1:
  $ docker run --rm busybox awk -F: 'END {print NR, "users"}' /etc/passwd
  9 users
  $ docker run --rm busybox sh -c 'seq 10 | awk "{ s += \$1 } END { print s, s/NR }"'
  55 5.5
  $ docker run --rm busybox sh -c 'printf "web 3\ndb 1\nweb 2\n" | awk "{ n[\$1] += \$2 } END { print n[\"web\"], n[\"db\"] }"'
  5 1
  $ docker run --rm busybox sh -c 'printf "a b c\nd e\n" | awk "{ print NF, \$NF }"'
  3 c
  2 e
  $ docker run --rm busybox sh -c 'echo "one two three" | awk "{ \$2 = \"TWO\"; print; print NF }"'
  one TWO three
  3
  $ docker run --rm busybox sh -c 'printf "x\ny\nx\nz\n" | awk "!seen[\$0]++"'
  x
  y
  z
  $ docker run --rm busybox sh -c 'printf "alpha\nbeta\ngamma\n" | awk "/a\$/ && length > 4"'
  alpha
  gamma
  $ docker run --rm busybox sh -c 'printf "10\n2\n33\n" | awk "\$1 > 5 { print \"big\", \$1; next } { print \"small\", \$1 }"'
  big 10
  small 2
  big 33
  $ docker run --rm -e NAME=docker busybox awk 'BEGIN { printf "%-8s|%5.2f|%03d|%x\n", ENVIRON["NAME"], 3.14159, 7, 255 }'
  docker  | 3.14|007|ff
  $ docker run --rm busybox awk -v n=3 'BEGIN { for (i = 1; i <= n; i++) s = s i; print s, length(s) }'
  123 3
  $ docker run --rm busybox awk 'BEGIN { s = "hello world"; print toupper(substr(s, 1, 1)) substr(s, 2), index(s, "o"), gsub(/o/, "0", s), s }'
  Hello world 5 2 hell0 w0rld
  $ docker run --rm busybox awk 'BEGIN { n = split("a:b:c", p, ":"); print n, p[3]; print match("docker", /ck/), RSTART, RLENGTH }'
  3 c
  3 3 2
  $ docker run --rm busybox awk 'BEGIN { print 1/3, 100/4, 1e6, 0.1 + 0.2, 17 % 5, int(-2.7), sprintf("%s-%d", "v", 42) }'
  0.333333 25 1000000 0.3 2 -2 v-42
  $ docker run --rm busybox awk 'BEGIN { print "b\na" > "/tmp/f"; close("/tmp/f"); while ((getline l < "/tmp/f") > 0) print "read", l }'
  read b
  read a
  $ docker run --rm busybox awk 'BEGIN { exit 3 } END { print "end runs" }'
  end runs
  [3]
