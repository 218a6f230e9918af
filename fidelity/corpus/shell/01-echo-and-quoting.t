# title: echo and quoting inside a busybox shell
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox echo hello world
  hello world
  $ docker run --rm busybox echo '$HOME is not expanded without a shell'
  $HOME is not expanded without a shell
  $ docker run --rm busybox sh -c 'echo $HOME'
  /root
  $ docker run --rm busybox sh -c 'echo "a   b"; echo a   b'
  a   b
  a b
  $ docker run --rm busybox sh -c "X=one; echo \"\$X\" '\$X' \${X}two"
  one $X onetwo
  $ docker run --rm busybox sh -c 'echo -n no-newline; echo " then newline"'
  no-newline then newline
  $ docker run --rm busybox sh -c 'printf "%s=%d\n" a 1 b 2'
  a=1
  b=2
