# title: GNU text tools and bash features in debian
# topic: shell

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --rm debian:bookworm-slim bash -c 'printf "b\na\nb\n" | sort | uniq -c'
        1 a
        2 b
  $ docker run --rm debian:bookworm-slim bash -c 'seq 3 | paste -sd,'
  1,2,3
  $ docker run --rm debian:bookworm-slim bash -c 'echo "a,b,c" | awk -F, "{print \$3}"'
  c
  $ docker run --rm debian:bookworm-slim bash -c 'printf "one two\nthree\n" | wc'
        2       3      14
  $ docker run --rm debian:bookworm-slim bash -c 'echo hello | sed "s/l/L/g"'
  heLLo
  $ docker run --rm debian:bookworm-slim bash -c 'printf "%05d\n" 42'
  00042
  $ docker run --rm debian:bookworm-slim bash -c 'echo {1..5}'
  1 2 3 4 5
  $ docker run --rm debian:bookworm-slim sh -c 'echo {1..5}'
  {1..5}
  $ docker run --rm debian:bookworm-slim bash -c 'arr=(x y z); echo ${arr[1]} ${#arr[@]}'
  y 3
