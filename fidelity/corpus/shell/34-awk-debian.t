# title: awk in debian (mawk): use and mistakes
# topic: shell

  $ docker pull -q debian:bookworm-slim
  docker.io/library/debian:bookworm-slim
  $ docker run --rm debian:bookworm-slim awk -F: '$3 >= 100 {print $1, $3}' /etc/passwd
  nobody 65534
  $ docker run --rm debian:bookworm-slim bash -c 'seq 10 | awk "{ s += \$1 } END { print s, s/NR }"'
  55 5.5
  $ docker run --rm debian:bookworm-slim bash -c 'printf "web 3\ndb 1\nweb 2\n" | awk "{ n[\$1] += \$2 } END { print n[\"web\"], n[\"db\"] }"'
  5 1
  $ docker run --rm debian:bookworm-slim awk 'BEGIN { print 2^31, 2^53, 1e16, 123456789012, 1/3 }'
  2.14748e+09 9.0072e+15 1e+16 1.23457e+11 0.333333
  $ docker run --rm debian:bookworm-slim awk 'BEGIN { printf "%d %d %c|%5s|\n", 1e10, "42abc", 65, "ab" }'
  2147483647 42 A|   ab|
  $ docker run --rm debian:bookworm-slim awk 'BEGIN { print substr("hello", -1, 3), substr("hello", 0), index("abc", "") }'
  hell hello 1
  $ docker run --rm debian:bookworm-slim bash -c 'printf "{\n  n++\n}\nEND {\n  if (n > 2)\n    print n, \"lines\"\n  else\n    print \"few\"\n}\n" > /tmp/count.awk; seq 5 | awk -f /tmp/count.awk'
  5 lines
  $ docker run --rm debian:bookworm-slim awk 'BEGIN { print 1/0, -1/0, log(-1) }'
  inf -inf -nan
  $ docker run --rm debian:bookworm-slim bash -c 'awk "BEGIN { print \"out\"; print \"err\" > \"/dev/stderr\" }" 2>&1'
  err
  out
  $ docker run --rm debian:bookworm-slim awk '{print $1'
  awk: line 2: missing } near end of file
  [2]
  $ docker run --rm debian:bookworm-slim awk 'BEGIN { x = }'
  awk: line 1: syntax error at or near }
  [2]
  $ docker run --rm debian:bookworm-slim awk 'BEGIN { print "abc }'
  awk: line 1: runaway string constant "abc } ...
  [2]
  $ docker run --rm debian:bookworm-slim awk '{ print $1 }}'
  awk: line 1: extra '}'
  awk: line 1: syntax error at or near end of line
  [2]
  $ docker run --rm debian:bookworm-slim awk 'BEGIN { print substr("x") }'
  awk: line 1: wrong number of arguments in call to substr
  [2]
  $ docker run --rm debian:bookworm-slim awk 'BEGIN { nosuch(1) }'
  awk: line 2: function nosuch never defined
  [2]
  $ docker run --rm debian:bookworm-slim awk 'BEGIN { @ }'
  awk: 1: unexpected character '@'
  [2]
  $ docker run --rm debian:bookworm-slim awk 'BEGIN { x[1] = 1; x = 2 }'
  awk: line 1: illegal reference to array x
  [2]
  $ docker run --rm debian:bookworm-slim bash -c 'echo a | awk "{ print \"before\"; print \$(-1) }" 2>&1'
  awk: run time error: negative field index $-1
  	FILENAME="-" FNR=1 NR=1
  before
  [2]
  $ docker run --rm debian:bookworm-slim awk '{ print }' /nosuch
  awk: cannot open /nosuch (No such file or directory)
  [2]
  $ docker run --rm debian:bookworm-slim awk -f /nosuch.awk
  awk: cannot open /nosuch.awk (No such file or directory)
  [2]
  $ docker run --rm debian:bookworm-slim awk 'BEGIN { print "x" > "/nodir/f" }'
  awk: cannot open "/nodir/f" for output (No such file or directory)
  [2]
  $ docker run --rm debian:bookworm-slim awk -W version
  mawk 1.3.4 20200120
  Copyright 2008-2019,2020, Thomas E. Dickey
  Copyright 1991-1996,2014, Michael D. Brennan
  
  random-funcs:       srandom/random
  regex-funcs:        internal
  compiled limits:
  sprintf buffer      8192
  maximum-integer     2147483647
