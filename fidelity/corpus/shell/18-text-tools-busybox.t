# title: sort, sed, awk and cut in busybox
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox sh -c 'printf "3 c\n1 a\n2 b\n" | sort -n'
  1 a
  2 b
  3 c
  $ docker run --rm busybox sh -c 'printf "3\n10\n2\n" | sort'
  10
  2
  3
  $ docker run --rm busybox sh -c 'printf "3\n10\n2\n" | sort -rn'
  10
  3
  2
  $ docker run --rm busybox sh -c 'echo hello world | sed s/world/docker/'
  hello docker
  $ docker run --rm busybox sh -c 'echo "a,b,c" | awk -F, "{print \$2}"'
  b
  $ docker run --rm busybox sh -c 'printf "x 1\ny 2\n" | awk "{s+=\$2} END {print s}"'
  3
  $ docker run --rm busybox sh -c 'echo "a b c" | cut -d" " -f2-'
  b c
  $ docker run --rm busybox sh -c 'printf "l1\nl2\nl3\n" | sed -n 2p'
  l2
