import { describe, expect, it } from 'vitest';
import { stringInput } from '../sh/io.ts';
import { Capture, MemFs, TestKernel } from '../sh/testing.ts';
import { type Flavour, programsFor } from './index.ts';

// Outputs of the real tools, recorded in the busybox image (Debian's busybox
// 1.35 build; cases that print its usage banner or use ^, which that build
// leaves out, are not kept) and in debian:bookworm-slim (mawk 1.3.4
// 20200120 as /usr/bin/awk): each command run by `sh -c` in /w after SETUP,
// standard output and error merged.
const SETUP = `mkdir -p /w && cd /w
printf 'REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\\nnginx        latest    a1b2c3d4e5f6   2 weeks ago   187MB\\nbusybox      latest    0123456789ab   3 weeks ago   4.26MB\\n<none>       <none>    fedcba987654   5 weeks ago   77.8MB\\n' > images.txt
printf 'root:x:0:0:root:/root:/bin/sh\\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\\nnobody:x:65534:65534:nobody:/home:/bin/false\\n' > passwd
printf 'alice 30 paris\\nbob 25 rome\\ncarol 35 paris\\ndave 40 oslo\\n' > people
printf '{ n++ }\\nEND { print n, "lines" }\\n' > count.awk
printf '1\\n2\\n3\\n' > a; printf 'x\\ny\\n' > b; printf 'p\\nq\\nr\\ns\\n' > c; : > empty
`;

const GOLDEN: [flavour: Flavour, command: string, output: string, status: number][] = [
 [
  "busybox",
  "awk '{print $3}' images.txt",
  "IMAGE\na1b2c3d4e5f6\n0123456789ab\nfedcba987654\n",
  0
 ],
 [
  "busybox",
  "awk 'NR>1 {print $1}' images.txt",
  "nginx\nbusybox\n<none>\n",
  0
 ],
 [
  "busybox",
  "awk -F: '{print $1}' passwd",
  "root\ndaemon\nnobody\n",
  0
 ],
 [
  "busybox",
  "awk -F: '$3 >= 1 {print $1, $7}' passwd",
  "daemon /bin/false\nnobody /bin/false\n",
  0
 ],
 [
  "busybox",
  "awk '{s += $2} END {print s, s/NR}' people",
  "130 32.5\n",
  0
 ],
 [
  "busybox",
  "awk '$3 == \"paris\" {n++} END {print n}' people",
  "2\n",
  0
 ],
 [
  "busybox",
  "awk '{c[$3]++} END {for (k in c) n++; print n, c[\"paris\"], c[\"oslo\"]}' people",
  "3 2 1\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN {FS=\":\"; OFS=\"-\"} {print $1, $3}' passwd",
  "root-0\ndaemon-1\nnobody-65534\n",
  0
 ],
 [
  "busybox",
  "awk -v who=bob '$1 == who {print $2}' people",
  "25\n",
  0
 ],
 [
  "busybox",
  "awk '/a/ && !/o/' people",
  "alice 30 paris\n",
  0
 ],
 [
  "busybox",
  "awk '$1 ~ /^[ab]/ {print NR\": \"$1}' people",
  "1: alice\n2: bob\n",
  0
 ],
 [
  "busybox",
  "awk '$1 !~ /e/' people",
  "bob 25 rome\ncarol 35 paris\n",
  0
 ],
 [
  "busybox",
  "awk 'NR==2, NR==3 {print FNR, $0}' people",
  "2 bob 25 rome\n3 carol 35 paris\n",
  0
 ],
 [
  "busybox",
  "awk 'END {print NR, $0}' people",
  "4 dave 40 oslo\n",
  0
 ],
 [
  "busybox",
  "awk '{print NF, $NF, $(NF-1)}' people",
  "3 paris 30\n3 rome 25\n3 paris 35\n3 oslo 40\n",
  0
 ],
 [
  "busybox",
  "awk '{ $2 = $2 * 2; print }' people",
  "alice 60 paris\nbob 50 rome\ncarol 70 paris\ndave 80 oslo\n",
  0
 ],
 [
  "busybox",
  "awk '{ $5 = \"x\"; print; print NF }' people",
  "alice 30 paris  x\n5\nbob 25 rome  x\n5\ncarol 35 paris  x\n5\ndave 40 oslo  x\n5\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { OFS=\":\" } { $1 = $1; print }' people",
  "alice:30:paris\nbob:25:rome\ncarol:35:paris\ndave:40:oslo\n",
  0
 ],
 [
  "busybox",
  "awk '{ NF = 2; print }' people",
  "alice 30\nbob 25\ncarol 35\ndave 40\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { printf \"%-6s|%5.1f|%03d|%x|%c|%s%%\\n\", \"ab\", 3.14159, 7, 255, 65, \"p\" }'",
  "ab    |  3.1|007|ff|A|p%\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { x = sprintf(\"%5s|%-5s|%.2s\", \"a\", \"b\", \"xyz\"); print x }'",
  "    a|b    |xy\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print length(\"hello\"), substr(\"hello\", 2, 3), substr(\"hello\", 3), index(\"hello\", \"l\") }'",
  "5 ell llo 3\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print toupper(\"abc\") tolower(\"DEF\"), int(3.9), int(-3.9), int(\"12abc\") }'",
  "ABCdef 3 -3 12\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { n = split(\"a:b:c\", parts, \":\"); print n, parts[1], parts[3] }'",
  "3 a c\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { n = split(\"a1b22c\", p, /[0-9]+/); print n, p[2], p[3] }'",
  "3 b c\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { s = \"foo bar foo\"; print gsub(/foo/, \"[&]\", s), s }'",
  "2 [foo] bar [foo]\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { s = \"aaa\"; print sub(/a/, \"b\", s), s }'",
  "1 baa\n",
  0
 ],
 [
  "busybox",
  "awk '{ gsub(/a/, \"A\"); print }' people",
  "Alice 30 pAris\nbob 25 rome\ncArol 35 pAris\ndAve 40 oslo\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print match(\"xxabcx\", /b+c/), RSTART, RLENGTH; print match(\"x\", /z/), RSTART, RLENGTH }'",
  "4 4 2\n0 0 -1\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print 3 \" \" 4, 1 - 1, \"a\" < \"b\", 2 < 10, \"2\" < \"10\", \"10\" == 10 }'",
  "3 4 0 1 1 0 1\n",
  0
 ],
 [
  "busybox",
  "printf '10\\n9\\nabc\\n\\n' | awk '{ print ($1 < 9), ($1 == 0) }'",
  "0 0\n0 0\n0 0\n1 0\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { x; print x + 0, \"[\" x \"]\", length(x) }'",
  "0 [] 0\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { a[\"x\"] = 1; a[\"y\"] = 2; delete a[\"x\"]; print (\"x\" in a), (\"y\" in a), length(a) }'",
  "0 1 1\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { a[1,2] = 3; for (k in a) { split(k, p, SUBSEP); print p[1], p[2] }; if ((1,2) in a) print \"yes\" }'",
  "1 2\nyes\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { i = 0; while (i < 3) { i++; if (i == 2) continue; print i }; do { i-- } while (i > 0); print i }'",
  "1\n3\n0\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { for (i = 1; i <= 5; i++) { if (i == 4) break; s = s i }; print s }'",
  "123\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { if (0) print \"no\"; else if (1) print \"yes\"; else print \"never\" }'",
  "yes\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { x = 5; x += 2; x -= 1; x *= 3; x /= 2; x %= 5; print x, x++ + ++x, x-- , --x }'",
  "4 10 6 4\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print 1 == 1 ? \"t\" : \"f\", (2 > 3) ? \"t\" : \"f\" }'",
  "t f\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print !0, !1, !\"\", !\"a\", -\"3\", +\"4x\" }'",
  "1 0 1 0 -3 4\n",
  0
 ],
 [
  "busybox",
  "awk 'function add(a, b) { return a + b } BEGIN { print add(2, 3) }'",
  "5\n",
  0
 ],
 [
  "busybox",
  "awk 'function fib(n) { return n < 2 ? n : fib(n-1) + fib(n-2) } BEGIN { print fib(15) }'",
  "610\n",
  0
 ],
 [
  "busybox",
  "awk 'function fill(arr) { arr[\"k\"] = \"v\" } BEGIN { fill(m); print m[\"k\"] }'",
  "v\n",
  0
 ],
 [
  "busybox",
  "awk -f count.awk people",
  "4 lines\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print \"a\" > \"out.txt\"; print \"b\" > \"out.txt\"; close(\"out.txt\"); print \"c\" >> \"out.txt\" } END { }' && cat out.txt",
  "a\nb\nc\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { printf \"%s\\n\", \"to stderr\" > \"/dev/stderr\" }'",
  "to stderr\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print \"z\\ny\\nx\" | \"sort\" }'",
  "x\ny\nz\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { r = system(\"echo hi; exit 3\"); print \"r=\" r }'",
  "hi\nr=3\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { while ((getline line < \"people\") > 0) n++; print n, line }'",
  "4 dave 40 oslo\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { \"echo one two\" | getline; print $2; \"echo x\" | getline v; print v }'",
  "two\nx\n",
  0
 ],
 [
  "busybox",
  "awk 'NR == 1 { getline; print \"after getline:\", $1 } NR == 3 { getline x; print \"x:\", x, NR }' people",
  "after getline: bob\nx: dave 40 oslo 4\n",
  0
 ],
 [
  "busybox",
  "awk '{ print FILENAME, FNR, NR }' people passwd",
  "people 1 1\npeople 2 2\npeople 3 3\npeople 4 4\npasswd 1 5\npasswd 2 6\npasswd 3 7\n",
  0
 ],
 [
  "busybox",
  "awk '{ print v, $1 }' v=1 people v=2 passwd",
  "1 alice\n1 bob\n1 carol\n1 dave\n2 root:x:0:0:root:/root:/bin/sh\n2 daemon:x:1:1:daemon:/usr/sbin:/bin/false\n2 nobody:x:65534:65534:nobody:/home:/bin/false\n",
  0
 ],
 [
  "busybox",
  "echo 'a b c' | awk '{ print $2 }'",
  "b\n",
  0
 ],
 [
  "busybox",
  "echo 'a,b,,d' | awk -F, '{ print NF, $3, $4 }'",
  "4  d\n",
  0
 ],
 [
  "busybox",
  "printf 'a\\tb c\\td\\n' | awk -F'\\t' '{ print $2 }'",
  "b c\n",
  0
 ],
 [
  "busybox",
  "printf 'a|b|c\\n' | awk -F'|' '{ print $3 }'",
  "c\n",
  0
 ],
 [
  "busybox",
  "printf 'one\\n\\ntwo\\nthree\\n\\n\\nfour\\n' | awk 'BEGIN { RS = \"\" } { print NR \": \" $1 \",\" $2 }'",
  "1: one,\n2: two,three\n3: four,\n",
  0
 ],
 [
  "busybox",
  "printf 'a;b;c' | awk 'BEGIN { RS = \";\" } { print NR, $0 }'",
  "1 a\n2 b\n3 c\n",
  0
 ],
 [
  "busybox",
  "printf 'x y\\n' | awk '{ print; print $0; print $1$2 }'",
  "x y\nx y\nxy\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { ORS = \"|\" } { print $1 } END { printf \"\\n\" }' people",
  "alice|bob|carol|dave|\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { exit 3 } END { print \"end\" }'; echo \"status=$?\"",
  "end\nstatus=3\n",
  0
 ],
 [
  "busybox",
  "awk '{ print; exit } END { print \"end\", NR }' people",
  "alice 30 paris\nend 1\n",
  0
 ],
 [
  "busybox",
  "awk 'NR == 2 { next } { print $1 }' people",
  "alice\ncarol\ndave\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print substr(\"hello\", 0), substr(\"hello\", -1, 3), substr(\"hello\", 2, 100), substr(\"hello\", 1.5, 2.3) }'",
  "hello hel ello he\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { printf \"%d %i %5.2e %G %o %X %u\\n\", \"42abc\", -3.7, 12345.678, 0.00001, 8, 255, 7 }'",
  "42 -3 1.23e+04 1E-05 10 FF 7\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { printf \"%5s|%-5d|%+d|% d|%05.1f\\n\", \"abcdefg\", 42, 5, 5, 3.14159 }'",
  "abcdefg|42   |+5| 5|003.1\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { CONVFMT = \"%.2f\"; x = 3.14159; y = x \"\"; print y; OFMT = \"%.1f\"; print 2.71828, 10 }'",
  "3.14\n2.7 10\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print length() }' < /dev/null",
  "0\n",
  0
 ],
 [
  "busybox",
  "echo hello | awk '{ print length }'",
  "5\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print index(\"abc\", \"\"), index(\"\", \"a\") }'",
  "0 0\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { printf \"%s %s %s\\n\", \"only\" }'",
  "only  \n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print ENVIRON[\"HOME\"] }'",
  "/root\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print ARGC, ARGV[1], ARGV[2] }' x y",
  "3 x y\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print -0, 0 * -1, 1e300 * 1e300 }'",
  "0 0 inf\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { x = \"A\"; x = x x x; print x; print 1 \" \" 2 }'",
  "AAA\n1 2\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { s = \"hello\"; gsub(/l/, \"\\\\&\", s); print s; t = \"a.b.c\"; gsub(\".\", \"-\", t); print t }'",
  "he&&o\n-----\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { s = \"abc\"; gsub(//, \"-\", s); print s }'",
  "-a-b-c-\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { s = \"abc\"; gsub(/x*/, \"-\", s); print s }'",
  "-a-b-c-\n",
  0
 ],
 [
  "busybox",
  "awk '{print $1' people",
  "awk: cmd. line:1: Unexpected token\n",
  1
 ],
 [
  "busybox",
  "awk 'BEGIN { x = }'",
  "awk: cmd. line:1: Unexpected token\n",
  1
 ],
 [
  "busybox",
  "awk 'BEGIN {'",
  "awk: cmd. line:1: Unexpected token\n",
  1
 ],
 [
  "busybox",
  "awk 'BEGIN { print \"abc }'",
  "awk: cmd. line:1: Unexpected end of string\n",
  1
 ],
 [
  "busybox",
  "awk '/abc'",
  "awk: cmd. line:1: Unexpected end of string\n",
  1
 ],
 [
  "busybox",
  "awk 'BEGIN { print substr(\"x\") }'",
  "awk: cmd. line:1: Too few arguments\n",
  1
 ],
 [
  "busybox",
  "awk 'BEGIN { foo(1) }'",
  "awk: cmd. line:1: Call to undefined function\n",
  1
 ],
 [
  "busybox",
  "awk 'BEGIN { if x print }'",
  "awk: cmd. line:1: Unexpected token\n",
  1
 ],
 [
  "busybox",
  "awk '{ print $1 }}' people",
  "awk: cmd. line:1: Unexpected token\n",
  1
 ],
 [
  "busybox",
  "awk 'BEGIN { print (1 }'",
  "awk: cmd. line:1: Unexpected token\n",
  1
 ],
 [
  "busybox",
  "awk 'BEGIN { @ }'",
  "awk: cmd. line:1: Unexpected token\n",
  1
 ],
 [
  "busybox",
  "awk 'BEGIN { print 1/0 }'",
  "awk: cmd. line:1: Division by zero\n",
  1
 ],
 [
  "busybox",
  "awk '{ print $-1 }' people",
  "awk: cmd. line:1: Access to negative field\n",
  1
 ],
 [
  "busybox",
  "awk '{ print }' nosuch",
  "awk: nosuch: No such file or directory\n",
  1
 ],
 [
  "busybox",
  "awk -f nosuch.awk",
  "awk: can't open 'nosuch.awk': No such file or directory\n",
  1
 ],
 [
  "busybox",
  "awk 'BEGIN { print \"x\" > \"/nodir/f\" }'",
  "awk: can't open '/nodir/f': No such file or directory\n",
  1
 ],
 [
  "busybox",
  "awk 'BEGIN { x[1] = 1; x = 2 }'",
  "",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { x = 1; x[1] = 2 }'",
  "",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { printf \"%z\\n\", 1 }'",
  "awk: cmd. line:1: Invalid format specifier\n",
  1
 ],
 [
  "busybox",
  "awk 'BEGIN { getline x < \"nosuch\"; print \"r\" }'",
  "r\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print 1; print 2 > \"/dev/stderr\"; print 3 }'",
  "1\n2\n3\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { printf \"a\"; print 1 > \"/dev/stderr\"; x = 1/0 }'",
  "a1\nawk: cmd. line:1: Division by zero\n",
  1
 ],
 [
  "busybox",
  "awk 'BEGIN { print 2147483648, 123456789012, 1e15, 0.000001, 1e100 }'",
  "2147483648 123456789012 1000000000000000 1e-06 1e+100\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { printf \"%d %d\\n\", 1e10, -1e10 }'",
  "-2147483648 -2147483648\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { printf \"%c%c%c\\n\", \"hello\", 72, \"\" }'",
  "hH\u0000\n",
  0
 ],
 [
  "busybox",
  "awk '{ $0 = \"new record here\"; print NF, $2 }' passwd",
  "3 record\n3 record\n3 record\n",
  0
 ],
 [
  "busybox",
  "awk '{ $3 = \"\"; print; print NF }' people",
  "alice 30 \n3\nbob 25 \n3\ncarol 35 \n3\ndave 40 \n3\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { n = split(\"  a  b  \", w); print n, \"[\" w[1] \"]\" }'",
  "2 [a]\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { n = split(\"\", w); print n, length(w) }'",
  "0 0\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { a = \"10\"; b = 9; print (a < b), (\"10\" < \"9\") }'",
  "1 1\n",
  0
 ],
 [
  "busybox",
  "awk '$2 > 28' people",
  "alice 30 paris\ncarol 35 paris\ndave 40 oslo\n",
  0
 ],
 [
  "busybox",
  "awk '$2 > \"28\"' people",
  "alice 30 paris\ncarol 35 paris\ndave 40 oslo\n",
  0
 ],
 [
  "busybox",
  "awk 'length($1) > 3' people",
  "alice 30 paris\ncarol 35 paris\ndave 40 oslo\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { while ((\"echo a; echo b\" | getline l) > 0) print \"got \" l }'",
  "got a\ngot b\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { printf \"%.3s|%10.4f|%-10e|\\n\", \"abcdef\", 3.14159265, 31415.9265 }'",
  "abc|    3.1416|3.141593e+04|\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print 1e6, 1e16, 1e17, 12345678, 1234567.8, 0.1234567 }'",
  "1000000 10000000000000000 100000000000000000 12345678 1.23457e+06 0.123457\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { x = 010; print x, \"0x1A\" + 0, \".5\" + 0, \"1e3\" + 0, \" 12 \" + 1 }'",
  "8 26 0.5 1000 13\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { getline; print \"got\", $0, NR }' < /dev/null",
  "got  0\n",
  0
 ],
 [
  "busybox",
  "paste a b",
  "1\tx\n2\ty\n3\t",
  0
 ],
 [
  "busybox",
  "paste -d, a b c",
  "1,x,p\n2,y,q\n3,r\ns\n",
  0
 ],
 [
  "busybox",
  "paste -d ',:' a b c",
  "1,x:p\n2,y:q\n3,r\ns\n",
  0
 ],
 [
  "busybox",
  "paste -s a b",
  "1\t2\t3\nx\ty\n",
  0
 ],
 [
  "busybox",
  "paste -sd, a",
  "1,2,3\n",
  0
 ],
 [
  "busybox",
  "paste -s -d '\\t\\n' c",
  "p\tq\nr\ts\n",
  0
 ],
 [
  "busybox",
  "paste -d '\\n' a b",
  "1\nx\n2\ny\n3\n",
  0
 ],
 [
  "busybox",
  "paste - - < c",
  "p\tq\nr\ts\n",
  0
 ],
 [
  "busybox",
  "printf '1\\n2\\n3' | paste -sd+",
  "1+2+3\n",
  0
 ],
 [
  "busybox",
  "seq 3 | paste -sd,",
  "1,2,3\n",
  0
 ],
 [
  "busybox",
  "paste a nosuch",
  "paste: nosuch: No such file or directory\n",
  1
 ],
 [
  "busybox",
  "paste -d '' a b",
  "paste: -d '' is not supported\n",
  1
 ],
 [
  "busybox",
  "paste -d '\\0' a b",
  "1x\n2y\n3",
  0
 ],
 [
  "busybox",
  "printf '1\\n2\\n3\\n4\\n5\\n' | paste - - -d:",
  "1:2\n3:4\n5:",
  0
 ],
 [
  "busybox",
  "paste -s empty a",
  "1\t2\t3\n",
  0
 ],
 [
  "busybox",
  "paste a empty",
  "1\t2\t3\t",
  0
 ],
 [
  "busybox",
  "cat c | paste - a",
  "p\t1\nq\t2\nr\t3\ns\t",
  0
 ],
 [
  "busybox",
  "awk -v 'msg=a\\tb' 'BEGIN { print msg }'",
  "a\tb\n",
  0
 ],
 [
  "busybox",
  "awk -F'\\t' -v OFS=, '{ $1 = $1; print }' a",
  "1\n2\n3\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { printf \"%s=%d\\n\", \"n\", \"3\" + \"4\" }'",
  "n=7\n",
  0
 ],
 [
  "busybox",
  "awk '{ total[$3] += $2 } END { print total[\"paris\"], total[\"rome\"] }' people",
  "65 25\n",
  0
 ],
 [
  "busybox",
  "awk 'NR % 2 == 0' people",
  "bob 25 rome\ndave 40 oslo\n",
  0
 ],
 [
  "busybox",
  "awk 'END { print NR }' empty",
  "0\n",
  0
 ],
 [
  "busybox",
  "awk '!seen[$3]++ { print $3 }' people",
  "paris\nrome\noslo\n",
  0
 ],
 [
  "busybox",
  "awk '{ print $1 > ($3 \".txt\") } END { close(\"paris.txt\"); while ((getline l < \"paris.txt\") > 0) print \"p:\", l }' people",
  "p: alice\np: carol\n",
  0
 ],
 [
  "busybox",
  "awk '{ printf \"%-8s %3d\\n\", $1, $2 }' people",
  "alice     30\nbob       25\ncarol     35\ndave      40\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { x = \"abc\"; print x ~ \"b\", x ~ /^b/, \"b\" ~ x }'",
  "1 0 0\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { re = \"^a\"; if (\"abc\" ~ re) print \"match\" }'",
  "match\n",
  0
 ],
 [
  "busybox",
  "awk '$0 ~ \"o\"' people",
  "bob 25 rome\ncarol 35 paris\ndave 40 oslo\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print length(x), length(12.50) }'",
  "0 4\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { printf \"[%5.2s][%-4c]\\n\", \"xyz\", \"q\" }'",
  "[   xy][q   ]\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print substr(\"hello\", 2, -1) \"|\" substr(\"\", 1, 2) \"|\" }'",
  "||\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print 1,2 > \"/dev/stdout\" }'",
  "1 2\n",
  0
 ],
 [
  "busybox",
  "awk -F: -f count.awk passwd",
  "3 lines\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { while (i++ < 3) print i }'",
  "1\n2\n3\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { n = split(\"a b c\", arr); for (i = n; i > 0; i--) printf \"%s \", arr[i]; print \"\" }'",
  "c b a \n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { a[\"x\"]; if (\"x\" in a) print \"in\"; delete a; print length(a) }'",
  "in\n0\n",
  0
 ],
 [
  "busybox",
  "awk '{ sub(/[0-9]+/, \"<&>\", $2); print }' people",
  "alice <30> paris\nbob <25> rome\ncarol <35> paris\ndave <40> oslo\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { getline line < \"a\"; getline line2 < \"a\"; print line, line2; close(\"a\"); getline line3 < \"a\"; print line3 }'",
  "1 2\n1\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { printf \"%s\\n\" }'",
  "\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print > \"/nodir/x\" }'",
  "awk: can't open '/nodir/x': No such file or directory\n",
  1
 ],
 [
  "busybox",
  "awk 'BEGIN { x = 1; x[1] = 1 }'",
  "",
  0
 ],
 [
  "busybox",
  "awk '{ print $1 ' people",
  "awk: cmd. line:1: Unexpected token\n",
  1
 ],
 [
  "busybox",
  "awk 'BEGIN { print \"a\" \"b\" > \"out.txt\" } END { }' && cat out.txt",
  "ab\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGI { print 1 }' a",
  "",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print toupper(substr(\"hello\", 1, 1)) substr(\"hello\", 2) }'",
  "Hello\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { printf(\"%d-%d\\n\", 1, 2) }'",
  "1-2\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print(1)(2) }'",
  "12\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print (1,2) }'",
  "1 2\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print 1 > 2 }' && cat 2",
  "1\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { if (!(3 in a)) print \"no\"; if (a[3] == \"\") print \"empty\"; print length(a) }'",
  "no\nempty\n1\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { OFS = \"-\"; $0 = \"a b c\"; $1 = $1; print; print NF }'",
  "a-b-c\n3\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { $0 = \"a b c\"; NF = 5; print; $7 = \"z\"; print NF }' | cat -A",
  "a b c  $\n7$\n",
  0
 ],
 [
  "busybox",
  "awk '{ print NR \": \" $0 }' a - b < c",
  "1: 1\n2: 2\n3: 3\n4: p\n5: q\n6: r\n7: s\n8: x\n9: y\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { exit } END { print \"end\" }'",
  "end\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { exit 1 }'; echo $?",
  "1\n",
  0
 ],
 [
  "busybox",
  "awk '{ exit $2 }' people; echo $?",
  "30\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { break }'",
  "awk: cmd. line:1: 'break' not in a loop\n",
  1
 ],
 [
  "busybox",
  "awk 'function f(x) { x[1] = 5 } BEGIN { f(arr); print arr[1] }'",
  "5\n",
  0
 ],
 [
  "busybox",
  "awk 'function g(n,   i, s) { for (i = 0; i < n; i++) s = s \"*\"; return s } BEGIN { print g(3), g(0) \"|\" }'",
  "*** |\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { print 1 ; } ; END { print 2 }' < /dev/null",
  "1\n2\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { s = 0; for (i = 0; i < 100000; i++) s += i; print s }'",
  "4999950000\n",
  0
 ],
 [
  "busybox",
  "awk '{ c[$3]++ } END { for (k in c) print k, c[k] }' people",
  "oslo 1\nrome 1\nparis 2\n",
  0
 ],
 [
  "busybox",
  "awk -F: '{ u[$1] = $3 } END { for (k in u) print k, u[k] }' passwd",
  "daemon 1\nroot 0\nnobody 65534\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { for (i = 1; i <= 20; i++) a[i * 7] = i; delete a[14]; delete a[70]; for (k in a) printf \"%s \", k; print \"\" }'",
  "21 42 35 28 63 56 112 49 105 91 84 140 77 133 126 119 98 7 \n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { n = split(\"z y x w v u t s r q p\", p); for (k in p) printf \"%s=%s \", k, p[k]; print \"\" }'",
  "10=q 11=p 1=z 2=y 3=x 4=w 5=v 6=u 7=t 8=s 9=r \n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { for (i = 0; i < 1000; i++) a[\"k\" i]; n = 0; for (k in a) if (n++ < 12) printf \"%s \", k; print length(a) }'",
  "k860 k821 k431 k470 k861 k822 k432 k471 k862 k823 k433 k472 1000\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { for (i = 0; i < 900; i++) a[i]; n = 0; for (k in a) if (n++ < 12) printf \"%s \", k; print length(a) }'",
  "71 32 810 420 72 33 850 811 460 421 73 34 900\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { a[\"x\"]; a[1]; a[\"1\"]; a[2]; a[\"b\"]; x = a[\"x\"]; y = (2 in a); for (k in a) printf \"%s \", k; print \"\" }'",
  "b 1 2 x \n",
  0
 ],
 [
  "busybox",
  "awk '{ seen[NR] = $1 } END { for (k in seen) printf \"%s:%s \", k, seen[k]; print \"\" }' people",
  "1:alice 2:bob 3:carol 4:dave \n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { a[1.5]; a[-3]; a[\"-3\"]; a[\"\"]; a[x]; for (k in a) printf \"[%s] \", k; print \"\" }'",
  "[] [-3] [1.5] \n",
  0
 ],
 [
  "busybox",
  "mkdir -p dir && awk '{ print }' dir",
  "awk: cmd. line:1: Is a directory\n",
  1
 ],
 [
  "busybox",
  "echo \"a b\" | awk '{ print $1 > \"/tmp\" }'",
  "awk: can't open '/tmp': Is a directory\n",
  1
 ],
 [
  "busybox",
  "echo 'héllo wörld' | awk '{ print length($0), substr($0, 2, 2), toupper($0), index($0, \"l\"), length($2) }'",
  "13 é HéLLO WöRLD 4 6\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { x = \"3x\"; y = x + 0; print y, (x == 3), (x > 2) }'",
  "3 0 1\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { srand(1); print rand(), rand(); print srand(5); srand(42); print rand(), int(rand() * 100) }'",
  "0.783099 0.197551\n1\n0.690636 25\n",
  0
 ],
 [
  "busybox",
  "awk 'BEGIN { srand(7); for (i = 0; i < 400; i++) x = rand(); print x }'",
  "0.350861\n",
  0
 ],
 [
  "busybox",
  "printf 'aa\\na{2}\\n[x]\\n' | awk '/a{2}/ { print \"1:\" $0 } /[{]/ { print \"2:\" $0 } /[]x]/ { print \"3:\" $0 }'",
  "1:aa\n2:a{2}\n3:[x]\n",
  0
 ],
 [
  "busybox",
  "printf 'a:b c\\nd:e f\\n' | awk '{ FS = \":\"; print $1 }'",
  "a:b\nd\n",
  0
 ],
 [
  "busybox",
  "printf 'a b\\n' | awk '{ $0 = \"x:y\"; FS = \":\"; print $1 }'",
  "x:y\n",
  0
 ],
 [
  "busybox",
  "echo | awk '{ print NF; $3 = \"z\"; print NF; print }'",
  "0\n3\n  z\n",
  0
 ],
 [
  "busybox",
  "awk -W foo 'BEGIN { print 1 }'",
  "awk: warning: option -W is ignored\n1\n",
  0
 ],
 [
  "gnu",
  "awk '{print $3}' images.txt",
  "IMAGE\na1b2c3d4e5f6\n0123456789ab\nfedcba987654\n",
  0
 ],
 [
  "gnu",
  "awk 'NR>1 {print $1}' images.txt",
  "nginx\nbusybox\n<none>\n",
  0
 ],
 [
  "gnu",
  "awk -F: '{print $1}' passwd",
  "root\ndaemon\nnobody\n",
  0
 ],
 [
  "gnu",
  "awk -F: '$3 >= 1 {print $1, $7}' passwd",
  "daemon /bin/false\nnobody /bin/false\n",
  0
 ],
 [
  "gnu",
  "awk '{s += $2} END {print s, s/NR}' people",
  "130 32.5\n",
  0
 ],
 [
  "gnu",
  "awk '$3 == \"paris\" {n++} END {print n}' people",
  "2\n",
  0
 ],
 [
  "gnu",
  "awk '{c[$3]++} END {for (k in c) n++; print n, c[\"paris\"], c[\"oslo\"]}' people",
  "3 2 1\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN {FS=\":\"; OFS=\"-\"} {print $1, $3}' passwd",
  "root-0\ndaemon-1\nnobody-65534\n",
  0
 ],
 [
  "gnu",
  "awk -v who=bob '$1 == who {print $2}' people",
  "25\n",
  0
 ],
 [
  "gnu",
  "awk '/a/ && !/o/' people",
  "alice 30 paris\n",
  0
 ],
 [
  "gnu",
  "awk '$1 ~ /^[ab]/ {print NR\": \"$1}' people",
  "1: alice\n2: bob\n",
  0
 ],
 [
  "gnu",
  "awk '$1 !~ /e/' people",
  "bob 25 rome\ncarol 35 paris\n",
  0
 ],
 [
  "gnu",
  "awk 'NR==2, NR==3 {print FNR, $0}' people",
  "2 bob 25 rome\n3 carol 35 paris\n",
  0
 ],
 [
  "gnu",
  "awk 'END {print NR, $0}' people",
  "4 dave 40 oslo\n",
  0
 ],
 [
  "gnu",
  "awk '{print NF, $NF, $(NF-1)}' people",
  "3 paris 30\n3 rome 25\n3 paris 35\n3 oslo 40\n",
  0
 ],
 [
  "gnu",
  "awk '{ $2 = $2 * 2; print }' people",
  "alice 60 paris\nbob 50 rome\ncarol 70 paris\ndave 80 oslo\n",
  0
 ],
 [
  "gnu",
  "awk '{ $5 = \"x\"; print; print NF }' people",
  "alice 30 paris  x\n5\nbob 25 rome  x\n5\ncarol 35 paris  x\n5\ndave 40 oslo  x\n5\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { OFS=\":\" } { $1 = $1; print }' people",
  "alice:30:paris\nbob:25:rome\ncarol:35:paris\ndave:40:oslo\n",
  0
 ],
 [
  "gnu",
  "awk '{ NF = 2; print }' people",
  "alice 30\nbob 25\ncarol 35\ndave 40\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { printf \"%-6s|%5.1f|%03d|%x|%c|%s%%\\n\", \"ab\", 3.14159, 7, 255, 65, \"p\" }'",
  "ab    |  3.1|007|ff|A|p%\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { x = sprintf(\"%5s|%-5s|%.2s\", \"a\", \"b\", \"xyz\"); print x }'",
  "    a|b    |xy\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print length(\"hello\"), substr(\"hello\", 2, 3), substr(\"hello\", 3), index(\"hello\", \"l\") }'",
  "5 ell llo 3\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print toupper(\"abc\") tolower(\"DEF\"), int(3.9), int(-3.9), int(\"12abc\") }'",
  "ABCdef 3 -3 12\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { n = split(\"a:b:c\", parts, \":\"); print n, parts[1], parts[3] }'",
  "3 a c\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { n = split(\"a1b22c\", p, /[0-9]+/); print n, p[2], p[3] }'",
  "3 b c\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { s = \"foo bar foo\"; print gsub(/foo/, \"[&]\", s), s }'",
  "2 [foo] bar [foo]\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { s = \"aaa\"; print sub(/a/, \"b\", s), s }'",
  "1 baa\n",
  0
 ],
 [
  "gnu",
  "awk '{ gsub(/a/, \"A\"); print }' people",
  "Alice 30 pAris\nbob 25 rome\ncArol 35 pAris\ndAve 40 oslo\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print match(\"xxabcx\", /b+c/), RSTART, RLENGTH; print match(\"x\", /z/), RSTART, RLENGTH }'",
  "4 4 2\n0 0 -1\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print 1/3, 100/4, 2^10, 10 % 3, -7 % 3, 1e6, 1e-5, 0.1 + 0.2, 123456789 }'",
  "0.333333 25 1024 1 -1 1000000 1e-05 0.3 123456789\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print 3 \" \" 4, 1 - 1, \"a\" < \"b\", 2 < 10, \"2\" < \"10\", \"10\" == 10 }'",
  "3 4 0 1 1 0 1\n",
  0
 ],
 [
  "gnu",
  "printf '10\\n9\\nabc\\n\\n' | awk '{ print ($1 < 9), ($1 == 0) }'",
  "0 0\n0 0\n0 0\n1 0\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { x; print x + 0, \"[\" x \"]\", length(x) }'",
  "0 [] 0\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { a[\"x\"] = 1; a[\"y\"] = 2; delete a[\"x\"]; print (\"x\" in a), (\"y\" in a), length(a) }'",
  "0 1 1\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { a[1,2] = 3; for (k in a) { split(k, p, SUBSEP); print p[1], p[2] }; if ((1,2) in a) print \"yes\" }'",
  "1 2\nyes\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { i = 0; while (i < 3) { i++; if (i == 2) continue; print i }; do { i-- } while (i > 0); print i }'",
  "1\n3\n0\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { for (i = 1; i <= 5; i++) { if (i == 4) break; s = s i }; print s }'",
  "123\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { if (0) print \"no\"; else if (1) print \"yes\"; else print \"never\" }'",
  "yes\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { x = 5; x += 2; x -= 1; x *= 3; x /= 2; x %= 5; print x, x++ + ++x, x-- , --x }'",
  "4 10 6 4\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print 1 == 1 ? \"t\" : \"f\", (2 > 3) ? \"t\" : \"f\" }'",
  "t f\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print !0, !1, !\"\", !\"a\", -\"3\", +\"4x\" }'",
  "1 0 1 0 -3 4\n",
  0
 ],
 [
  "gnu",
  "awk 'function add(a, b) { return a + b } BEGIN { print add(2, 3) }'",
  "5\n",
  0
 ],
 [
  "gnu",
  "awk 'function fib(n) { return n < 2 ? n : fib(n-1) + fib(n-2) } BEGIN { print fib(15) }'",
  "610\n",
  0
 ],
 [
  "gnu",
  "awk 'function fill(arr) { arr[\"k\"] = \"v\" } BEGIN { fill(m); print m[\"k\"] }'",
  "v\n",
  0
 ],
 [
  "gnu",
  "awk -f count.awk people",
  "4 lines\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print \"a\" > \"out.txt\"; print \"b\" > \"out.txt\"; close(\"out.txt\"); print \"c\" >> \"out.txt\" } END { }' && cat out.txt",
  "a\nb\nc\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { printf \"%s\\n\", \"to stderr\" > \"/dev/stderr\" }'",
  "to stderr\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print \"z\\ny\\nx\" | \"sort\" }'",
  "x\ny\nz\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { r = system(\"echo hi; exit 3\"); print \"r=\" r }'",
  "hi\nr=3\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { while ((getline line < \"people\") > 0) n++; print n, line }'",
  "4 dave 40 oslo\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { \"echo one two\" | getline; print $2; \"echo x\" | getline v; print v }'",
  "two\nx\n",
  0
 ],
 [
  "gnu",
  "awk 'NR == 1 { getline; print \"after getline:\", $1 } NR == 3 { getline x; print \"x:\", x, NR }' people",
  "after getline: bob\nx: dave 40 oslo 4\n",
  0
 ],
 [
  "gnu",
  "awk '{ print FILENAME, FNR, NR }' people passwd",
  "people 1 1\npeople 2 2\npeople 3 3\npeople 4 4\npasswd 1 5\npasswd 2 6\npasswd 3 7\n",
  0
 ],
 [
  "gnu",
  "awk '{ print v, $1 }' v=1 people v=2 passwd",
  "1 alice\n1 bob\n1 carol\n1 dave\n2 root:x:0:0:root:/root:/bin/sh\n2 daemon:x:1:1:daemon:/usr/sbin:/bin/false\n2 nobody:x:65534:65534:nobody:/home:/bin/false\n",
  0
 ],
 [
  "gnu",
  "echo 'a b c' | awk '{ print $2 }'",
  "b\n",
  0
 ],
 [
  "gnu",
  "echo 'a,b,,d' | awk -F, '{ print NF, $3, $4 }'",
  "4  d\n",
  0
 ],
 [
  "gnu",
  "printf 'a\\tb c\\td\\n' | awk -F'\\t' '{ print $2 }'",
  "b c\n",
  0
 ],
 [
  "gnu",
  "printf 'a|b|c\\n' | awk -F'|' '{ print $3 }'",
  "c\n",
  0
 ],
 [
  "gnu",
  "printf 'one\\n\\ntwo\\nthree\\n\\n\\nfour\\n' | awk 'BEGIN { RS = \"\" } { print NR \": \" $1 \",\" $2 }'",
  "1: one,\n2: two,three\n3: four,\n",
  0
 ],
 [
  "gnu",
  "printf 'a;b;c' | awk 'BEGIN { RS = \";\" } { print NR, $0 }'",
  "1 a\n2 b\n3 c\n",
  0
 ],
 [
  "gnu",
  "printf 'x y\\n' | awk '{ print; print $0; print $1$2 }'",
  "x y\nx y\nxy\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { ORS = \"|\" } { print $1 } END { printf \"\\n\" }' people",
  "alice|bob|carol|dave|\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { exit 3 } END { print \"end\" }'; echo \"status=$?\"",
  "end\nstatus=3\n",
  0
 ],
 [
  "gnu",
  "awk '{ print; exit } END { print \"end\", NR }' people",
  "alice 30 paris\nend 1\n",
  0
 ],
 [
  "gnu",
  "awk 'NR == 2 { next } { print $1 }' people",
  "alice\ncarol\ndave\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print substr(\"hello\", 0), substr(\"hello\", -1, 3), substr(\"hello\", 2, 100), substr(\"hello\", 1.5, 2.3) }'",
  "hello hell ello he\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { printf \"%d %i %5.2e %G %o %X %u\\n\", \"42abc\", -3.7, 12345.678, 0.00001, 8, 255, 7 }'",
  "42 -3 1.23e+04 1E-05 10 FF 7\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { printf \"%5s|%-5d|%+d|% d|%05.1f\\n\", \"abcdefg\", 42, 5, 5, 3.14159 }'",
  "abcdefg|42   |+5| 5|003.1\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { CONVFMT = \"%.2f\"; x = 3.14159; y = x \"\"; print y; OFMT = \"%.1f\"; print 2.71828, 10 }'",
  "3.14\n2.7 10\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print length() }' < /dev/null",
  "0\n",
  0
 ],
 [
  "gnu",
  "echo hello | awk '{ print length }'",
  "5\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print index(\"abc\", \"\"), index(\"\", \"a\") }'",
  "1 0\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { printf \"%s %s %s\\n\", \"only\" }'",
  "awk: run time error: not enough arguments passed to printf(\"%s %s %s\n\")\n\tFILENAME=\"\" FNR=0 NR=0\nonly ",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { print ENVIRON[\"HOME\"] }'",
  "/root\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print ARGC, ARGV[1], ARGV[2] }' x y",
  "3 x y\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print -0, 0 * -1, 1e300 * 1e300 }'",
  "0 0 inf\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { x = \"A\"; x = x x x; print x; print 1 \" \" 2 }'",
  "AAA\n1 2\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { s = \"hello\"; gsub(/l/, \"\\\\&\", s); print s; t = \"a.b.c\"; gsub(\".\", \"-\", t); print t }'",
  "he&&o\n-----\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { s = \"abc\"; gsub(//, \"-\", s); print s }'",
  "-a-b-c-\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { s = \"abc\"; gsub(/x*/, \"-\", s); print s }'",
  "-a-b-c-\n",
  0
 ],
 [
  "gnu",
  "awk '{print $1' people",
  "awk: line 2: missing } near end of file\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { x = }'",
  "awk: line 1: syntax error at or near }\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN {'",
  "awk: line 2: missing } near end of file\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { print \"abc }'",
  "awk: line 1: runaway string constant \"abc } ...\n",
  2
 ],
 [
  "gnu",
  "awk '/abc'",
  "awk: line 1: runaway regular expression /abc ...\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { print substr(\"x\") }'",
  "awk: line 1: wrong number of arguments in call to substr\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { foo(1) }'",
  "awk: line 2: function foo never defined\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { if x print }'",
  "awk: line 1: syntax error at or near x\n",
  2
 ],
 [
  "gnu",
  "awk '{ print $1 }}' people",
  "awk: line 1: extra '}'\nawk: line 1: syntax error at or near end of line\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { print (1 }'",
  "awk: line 1: missing ) near }\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { @ }'",
  "awk: 1: unexpected character '@'\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { print 1/0 }'",
  "inf\n",
  0
 ],
 [
  "gnu",
  "awk '{ print $-1 }' people",
  "awk: run time error: negative field index $-1\n\tFILENAME=\"people\" FNR=1 NR=1\n",
  2
 ],
 [
  "gnu",
  "awk '{ print }' nosuch",
  "awk: cannot open nosuch (No such file or directory)\n",
  2
 ],
 [
  "gnu",
  "awk -f nosuch.awk",
  "awk: cannot open nosuch.awk (No such file or directory)\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { print \"x\" > \"/nodir/f\" }'",
  "awk: cannot open \"/nodir/f\" for output (No such file or directory)\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { x[1] = 1; x = 2 }'",
  "awk: line 1: illegal reference to array x\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { x = 1; x[1] = 2 }'",
  "awk: line 1: illegal reference to variable x\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { printf \"%z\\n\", 1 }'",
  "awk: run time error: improper conversion(number 1) in printf(\"%z\n\")\n\tFILENAME=\"\" FNR=0 NR=0\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { getline x < \"nosuch\"; print \"r\" }'",
  "r\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print 1; print 2 > \"/dev/stderr\"; print 3 }'",
  "2\n1\n3\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { printf \"a\"; print 1 > \"/dev/stderr\"; x = 1/0 }'",
  "1\na",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print 2147483648, 123456789012, 1e15, 0.000001, 1e100 }'",
  "2.14748e+09 1.23457e+11 1e+15 1e-06 1e+100\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { printf \"%d %d\\n\", 1e10, -1e10 }'",
  "2147483647 -2147483647\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { printf \"%c%c%c\\n\", \"hello\", 72, \"\" }'",
  "hH\u0000\n",
  0
 ],
 [
  "gnu",
  "awk '{ $0 = \"new record here\"; print NF, $2 }' passwd",
  "3 record\n3 record\n3 record\n",
  0
 ],
 [
  "gnu",
  "awk '{ $3 = \"\"; print; print NF }' people",
  "alice 30 \n3\nbob 25 \n3\ncarol 35 \n3\ndave 40 \n3\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { n = split(\"  a  b  \", w); print n, \"[\" w[1] \"]\" }'",
  "2 [a]\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { n = split(\"\", w); print n, length(w) }'",
  "0 0\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { a = \"10\"; b = 9; print (a < b), (\"10\" < \"9\") }'",
  "1 1\n",
  0
 ],
 [
  "gnu",
  "awk '$2 > 28' people",
  "alice 30 paris\ncarol 35 paris\ndave 40 oslo\n",
  0
 ],
 [
  "gnu",
  "awk '$2 > \"28\"' people",
  "alice 30 paris\ncarol 35 paris\ndave 40 oslo\n",
  0
 ],
 [
  "gnu",
  "awk 'length($1) > 3' people",
  "alice 30 paris\ncarol 35 paris\ndave 40 oslo\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { while ((\"echo a; echo b\" | getline l) > 0) print \"got \" l }'",
  "got a\ngot b\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { printf \"%.3s|%10.4f|%-10e|\\n\", \"abcdef\", 3.14159265, 31415.9265 }'",
  "abc|    3.1416|3.141593e+04|\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print 1e6, 1e16, 1e17, 12345678, 1234567.8, 0.1234567 }'",
  "1000000 1e+16 1e+17 12345678 1.23457e+06 0.123457\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { x = 010; print x, \"0x1A\" + 0, \".5\" + 0, \"1e3\" + 0, \" 12 \" + 1 }'",
  "10 26 0.5 1000 13\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { getline; print \"got\", $0, NR }' < /dev/null",
  "got  0\n",
  0
 ],
 [
  "gnu",
  "awk",
  "Usage: mawk [Options] [Program] [file ...]\n\nProgram:\n    The -f option value is the name of a file containing program text.\n    If no -f option is given, a \"--\" ends option processing; the following\n    parameters are the program text.\n\nOptions:\n    -f program-file  Program  text is read from file instead of from the\n                     command-line.  Multiple -f options are accepted.\n    -F value         sets the field separator, FS, to value.\n    -v var=value     assigns value to program variable var.\n    --               unambiguous end of options.\n\n    Implementation-specific options are prefixed with \"-W\".  They can be\n    abbreviated:\n\n    -W version       show version information and exit.\n    -W dump          show assembler-like listing of program and exit.\n    -W help          show this message and exit.\n    -W interactive   set unbuffered output, line-buffered input.\n    -W exec file     use file as program as well as last option.\n    -W random=number set initial random seed.\n    -W sprintf=number adjust size of sprintf buffer.\n    -W posix_space   do not consider \"\\n\" a space.\n    -W usage         show this message and exit.\n",
  0
 ],
 [
  "gnu",
  "paste a b",
  "1\tx\n2\ty\n3\t\n",
  0
 ],
 [
  "gnu",
  "paste -d, a b c",
  "1,x,p\n2,y,q\n3,,r\n,,s\n",
  0
 ],
 [
  "gnu",
  "paste -d ',:' a b c",
  "1,x:p\n2,y:q\n3,:r\n,:s\n",
  0
 ],
 [
  "gnu",
  "paste -s a b",
  "1\t2\t3\nx\ty\n",
  0
 ],
 [
  "gnu",
  "paste -sd, a",
  "1,2,3\n",
  0
 ],
 [
  "gnu",
  "paste -s -d '\\t\\n' c",
  "p\tq\nr\ts\n",
  0
 ],
 [
  "gnu",
  "paste -d '\\n' a b",
  "1\nx\n2\ny\n3\n\n",
  0
 ],
 [
  "gnu",
  "paste - - < c",
  "p\tq\nr\ts\n",
  0
 ],
 [
  "gnu",
  "printf '1\\n2\\n3' | paste -sd+",
  "1+2+3\n",
  0
 ],
 [
  "gnu",
  "seq 3 | paste -sd,",
  "1,2,3\n",
  0
 ],
 [
  "gnu",
  "paste a nosuch",
  "paste: nosuch: No such file or directory\n",
  1
 ],
 [
  "gnu",
  "paste -d '' a b",
  "1x\n2y\n3\n",
  0
 ],
 [
  "gnu",
  "paste -d '\\0' a b",
  "1x\n2y\n3\n",
  0
 ],
 [
  "gnu",
  "printf '1\\n2\\n3\\n4\\n5\\n' | paste - - -d:",
  "1:2\n3:4\n5:\n",
  0
 ],
 [
  "gnu",
  "paste -s empty a",
  "\n1\t2\t3\n",
  0
 ],
 [
  "gnu",
  "paste a empty",
  "1\t\n2\t\n3\t\n",
  0
 ],
 [
  "gnu",
  "cat c | paste - a",
  "p\t1\nq\t2\nr\t3\ns\t\n",
  0
 ],
 [
  "gnu",
  "awk -v 'msg=a\\tb' 'BEGIN { print msg }'",
  "a\tb\n",
  0
 ],
 [
  "gnu",
  "awk -F'\\t' -v OFS=, '{ $1 = $1; print }' a",
  "1\n2\n3\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { printf \"%s=%d\\n\", \"n\", \"3\" + \"4\" }'",
  "n=7\n",
  0
 ],
 [
  "gnu",
  "awk '{ total[$3] += $2 } END { print total[\"paris\"], total[\"rome\"] }' people",
  "65 25\n",
  0
 ],
 [
  "gnu",
  "awk 'NR % 2 == 0' people",
  "bob 25 rome\ndave 40 oslo\n",
  0
 ],
 [
  "gnu",
  "awk 'END { print NR }' empty",
  "0\n",
  0
 ],
 [
  "gnu",
  "awk '!seen[$3]++ { print $3 }' people",
  "paris\nrome\noslo\n",
  0
 ],
 [
  "gnu",
  "awk '{ print $1 > ($3 \".txt\") } END { close(\"paris.txt\"); while ((getline l < \"paris.txt\") > 0) print \"p:\", l }' people",
  "p: alice\np: carol\n",
  0
 ],
 [
  "gnu",
  "awk '{ printf \"%-8s %3d\\n\", $1, $2 }' people",
  "alice     30\nbob       25\ncarol     35\ndave      40\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { x = \"abc\"; print x ~ \"b\", x ~ /^b/, \"b\" ~ x }'",
  "1 0 0\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { re = \"^a\"; if (\"abc\" ~ re) print \"match\" }'",
  "match\n",
  0
 ],
 [
  "gnu",
  "awk '$0 ~ \"o\"' people",
  "bob 25 rome\ncarol 35 paris\ndave 40 oslo\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print length(x), length(12.50) }'",
  "0 4\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { printf \"[%5.2s][%-4c]\\n\", \"xyz\", \"q\" }'",
  "[   xy][q   ]\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print substr(\"hello\", 2, -1) \"|\" substr(\"\", 1, 2) \"|\" }'",
  "||\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print 1,2 > \"/dev/stdout\" }'",
  "1 2\n",
  0
 ],
 [
  "gnu",
  "awk -F: -f count.awk passwd",
  "3 lines\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { while (i++ < 3) print i }'",
  "1\n2\n3\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { n = split(\"a b c\", arr); for (i = n; i > 0; i--) printf \"%s \", arr[i]; print \"\" }'",
  "c b a \n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { a[\"x\"]; if (\"x\" in a) print \"in\"; delete a; print length(a) }'",
  "in\n0\n",
  0
 ],
 [
  "gnu",
  "awk '{ sub(/[0-9]+/, \"<&>\", $2); print }' people",
  "alice <30> paris\nbob <25> rome\ncarol <35> paris\ndave <40> oslo\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { getline line < \"a\"; getline line2 < \"a\"; print line, line2; close(\"a\"); getline line3 < \"a\"; print line3 }'",
  "1 2\n1\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { printf \"%s\\n\" }'",
  "awk: run time error: not enough arguments passed to printf(\"%s\n\")\n\tFILENAME=\"\" FNR=0 NR=0\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { print > \"/nodir/x\" }'",
  "awk: cannot open \"/nodir/x\" for output (No such file or directory)\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { x = 1; x[1] = 1 }'",
  "awk: line 1: illegal reference to variable x\n",
  2
 ],
 [
  "gnu",
  "awk '{ print $1 ' people",
  "awk: line 2: missing } near end of file\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { print \"a\" \"b\" > \"out.txt\" } END { }' && cat out.txt",
  "ab\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGI { print 1 }' a",
  "",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print toupper(substr(\"hello\", 1, 1)) substr(\"hello\", 2) }'",
  "Hello\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { printf(\"%d-%d\\n\", 1, 2) }'",
  "1-2\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print(1)(2) }'",
  "12\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print (1,2) }'",
  "1 2\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print 1 > 2 }' && cat 2",
  "1\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { if (!(3 in a)) print \"no\"; if (a[3] == \"\") print \"empty\"; print length(a) }'",
  "no\nempty\n1\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { OFS = \"-\"; $0 = \"a b c\"; $1 = $1; print; print NF }'",
  "a-b-c\n3\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { $0 = \"a b c\"; NF = 5; print; $7 = \"z\"; print NF }' | cat -A",
  "a b c  $\n7$\n",
  0
 ],
 [
  "gnu",
  "awk '{ print NR \": \" $0 }' a - b < c",
  "1: 1\n2: 2\n3: 3\n4: p\n5: q\n6: r\n7: s\n8: x\n9: y\n",
  0
 ],
 [
  "gnu",
  "awk -f",
  "awk: option -f lacks argument\n",
  2
 ],
 [
  "gnu",
  "awk -v",
  "awk: option -v lacks argument\n",
  2
 ],
 [
  "gnu",
  "awk -v x",
  "awk: improper assignment: -v x\n",
  2
 ],
 [
  "gnu",
  "awk 'BEGIN { exit } END { print \"end\" }'",
  "end\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { exit 1 }'; echo $?",
  "1\n",
  0
 ],
 [
  "gnu",
  "awk '{ exit $2 }' people; echo $?",
  "30\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { break }'",
  "awk: line 1: break statement outside of loop\n",
  2
 ],
 [
  "gnu",
  "awk 'function f(x) { x[1] = 5 } BEGIN { f(arr); print arr[1] }'",
  "5\n",
  0
 ],
 [
  "gnu",
  "awk 'function g(n,   i, s) { for (i = 0; i < n; i++) s = s \"*\"; return s } BEGIN { print g(3), g(0) \"|\" }'",
  "*** |\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { print 1 ; } ; END { print 2 }' < /dev/null",
  "1\n2\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { s = 0; for (i = 0; i < 100000; i++) s += i; print s }'",
  "4.99995e+09\n",
  0
 ],
 [
  "gnu",
  "awk '{ c[$3]++ } END { for (k in c) print k, c[k] }' people",
  "oslo 1\nparis 2\nrome 1\n",
  0
 ],
 [
  "gnu",
  "awk -F: '{ u[$1] = $3 } END { for (k in u) print k, u[k] }' passwd",
  "root 0\nnobody 65534\ndaemon 1\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { for (i = 1; i <= 20; i++) a[i * 7] = i; delete a[14]; delete a[70]; for (k in a) printf \"%s \", k; print \"\" }'",
  "42 84 133 63 56 77 126 35 28 140 91 105 98 119 21 49 7 112 \n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { n = split(\"z y x w v u t s r q p\", p); for (k in p) printf \"%s=%s \", k, p[k]; print \"\" }'",
  "3=x 10=q 8=s 6=u 5=v 2=y 11=p 1=z 4=w 9=r 7=t \n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { for (i = 0; i < 1000; i++) a[\"k\" i]; n = 0; for (k in a) if (n++ < 12) printf \"%s \", k; print length(a) }'",
  "k990 k653 k477 k301 k827 k742 k553 k526 k298 k276 k203 k144 1000\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { for (i = 0; i < 900; i++) a[i]; n = 0; for (k in a) if (n++ < 12) printf \"%s \", k; print length(a) }'",
  "243 94 588 702 171 513 374 495 613 187 824 688 900\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { a[\"x\"]; a[1]; a[\"1\"]; a[2]; a[\"b\"]; x = a[\"x\"]; y = (2 in a); for (k in a) printf \"%s \", k; print \"\" }'",
  "x 2 1 b \n",
  0
 ],
 [
  "gnu",
  "awk '{ seen[NR] = $1 } END { for (k in seen) printf \"%s:%s \", k, seen[k]; print \"\" }' people",
  "3:carol 2:bob 1:alice 4:dave \n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { a[1.5]; a[-3]; a[\"-3\"]; a[\"\"]; a[x]; for (k in a) printf \"[%s] \", k; print \"\" }'",
  "[] [-3] [1.5] \n",
  0
 ],
 [
  "gnu",
  "mkdir -p dir && awk '{ print }' dir",
  "awk: read error (Is a directory)\n",
  2
 ],
 [
  "gnu",
  "echo \"a b\" | awk '{ print $1 > \"/tmp\" }'",
  "awk: cannot open \"/tmp\" for output (Is a directory)\n",
  2
 ],
 [
  "gnu",
  "echo 'héllo wörld' | awk '{ print length($0), substr($0, 2, 2), toupper($0), index($0, \"l\"), length($2) }'",
  "13 é HéLLO WöRLD 4 6\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { x = \"3x\"; y = x + 0; print y, (x == 3), (x > 2) }'",
  "3 0 1\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { srand(1); print rand(), rand(); print srand(5); srand(42); print rand(), int(rand() * 100) }'",
  "0.840188 0.394383\n1\n0.0334699 32\n",
  0
 ],
 [
  "gnu",
  "awk 'BEGIN { srand(7); for (i = 0; i < 400; i++) x = rand(); print x }'",
  "0.993884\n",
  0
 ],
 [
  "gnu",
  "printf 'aa\\na{2}\\n[x]\\n' | awk '/a{2}/ { print \"1:\" $0 } /[{]/ { print \"2:\" $0 } /[]x]/ { print \"3:\" $0 }'",
  "1:a{2}\n2:a{2}\n3:[x]\n",
  0
 ],
 [
  "gnu",
  "printf 'a:b c\\nd:e f\\n' | awk '{ FS = \":\"; print $1 }'",
  "a:b\nd\n",
  0
 ],
 [
  "gnu",
  "printf 'a b\\n' | awk '{ $0 = \"x:y\"; FS = \":\"; print $1 }'",
  "x:y\n",
  0
 ],
 [
  "gnu",
  "echo | awk '{ print NF; $3 = \"z\"; print NF; print }'",
  "0\n3\n  z\n",
  0
 ],
 [
  "gnu",
  "awk --version",
  "awk: not an option: --version\n",
  2
 ],
 [
  "gnu",
  "awk -W foo 'BEGIN { print 1 }'",
  "awk: vacuous option: -W foo\n1\n",
  0
 ]
];

async function run(flavour: Flavour, command: string) {
  const fs = new MemFs();
  const k = new TestKernel(fs, programsFor(flavour)).install('/bin');
  fs.mkdir('/tmp');
  const env = new Map([['PATH', '/bin'], ['HOME', '/root']]);
  const setup = k.start(['sh', '-c', SETUP], { stdout: new Capture(), stderr: new Capture(), env, cwd: '/', stdin: stringInput('') });
  await k.scheduler.runUntil(setup.done);
  const out = new Capture();
  const p = k.start(['sh', '-c', command], { stdout: out, stderr: out, env, cwd: '/w', stdin: stringInput('') });
  const status = await k.scheduler.runUntil(p.done);
  return { output: out.text, status, fs };
}

describe('awk matches busybox awk and mawk', () => {
  for (const flavour of ['busybox', 'gnu'] as const) {
    describe(flavour, () => {
      for (const [f, command, output, status] of GOLDEN) {
        if (f !== flavour) continue;
        it(command, async () => {
          expect(await run(flavour, command)).toMatchObject({ output, status });
        });
      }
    });
  }
});

// The recorder's busybox prints its own build in usage banners; the rest of
// these messages is the real tool's, and the banner is Berth's busybox 1.37.
describe('busybox awk usage errors', () => {
  for (const [command, first] of [
    ['awk --version', "awk: unrecognized option '--version'"],
    ['awk -x 1', "awk: invalid option -- 'x'"],
    ['awk -f', "awk: option requires an argument -- 'f'"],
  ] as const) {
    it(command, async () => {
      const { output, status } = await run('busybox', command);
      expect(status).toBe(1);
      expect(output).toBe(`${first}\nBusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n\n\t-v VAR=VAL\tSet variable\n\t-F SEP\t\tUse SEP as field separator\n\t-f FILE\t\tRead program from FILE\n\t-e AWK_PROGRAM\n`);
    });
  }
});

describe('awk runaway recursion', () => {
  for (const flavour of ['busybox', 'gnu'] as const) {
    it(`${flavour}: ends in SIGSEGV (139) instead of growing without bound`, async () => {
      const { status } = await run(flavour, "awk 'function f(n) { return f(n + 1) } BEGIN { f(1) }'");
      expect(status).toBe(139);
    });
  }
  it('deep but bounded recursion still works', async () => {
    expect((await run('gnu', "awk 'function d(n) { return n ? 1 + d(n - 1) : 0 } BEGIN { print d(5000) }'")).output).toBe('5000\n');
  });
});
