import { describe, expect, it } from 'vitest';
import { stringInput } from '../sh/io.ts';
import { Capture, MemFs, TestKernel } from '../sh/testing.ts';
import { type Flavour, programsFor } from './index.ts';

// Outputs of the real tools for commands over a small tree, recorded on a
// Debian machine: GNU coreutils 9 and bash 5.2 with LANG=C, busybox 1.35's
// sh and applets. Standard output and error merged, trailing newlines trimmed.
const GOLDEN: [flavour: Flavour, command: string, output: string, status: number][] = [
 [
  "gnu",
  "ls",
  "d\nf\ng\nl",
  0
 ],
 [
  "gnu",
  "ls -l",
  "total 12\ndrwxr-xr-x 2 root root 4096 Nov 23 13:02 d\n-rw-r--r-- 1 root root    3 Nov 23 13:02 f\n-rw-r--r-- 1 root root    8 Nov 23 13:02 g\nlrwxrwxrwx 1 root root    1 Nov 23 13:02 l -> f",
  0
 ],
 [
  "gnu",
  "ls d f",
  "f\n\nd:\nx.txt\ny.log",
  0
 ],
 [
  "gnu",
  "ls -l d",
  "total 8\n-rw-r--r-- 1 root root 2 Nov 23 13:02 x.txt\n-rw-r--r-- 1 root root 3 Nov 23 13:02 y.log",
  0
 ],
 [
  "gnu",
  "ls -ld d",
  "drwxr-xr-x 2 root root 4096 Nov 23 13:02 d",
  0
 ],
 [
  "gnu",
  "ls nosuch",
  "ls: cannot access 'nosuch': No such file or directory",
  2
 ],
 [
  "gnu",
  "ls -l nosuch f",
  "ls: cannot access 'nosuch': No such file or directory\n-rw-r--r-- 1 root root 3 Nov 23 13:02 f",
  2
 ],
 [
  "gnu",
  "ls -lh",
  "total 12K\ndrwxr-xr-x 2 root root 4.0K Nov 23 13:02 d\n-rw-r--r-- 1 root root    3 Nov 23 13:02 f\n-rw-r--r-- 1 root root    8 Nov 23 13:02 g\nlrwxrwxrwx 1 root root    1 Nov 23 13:02 l -> f",
  0
 ],
 [
  "gnu",
  "ls -F",
  "d/\nf\ng\nl@",
  0
 ],
 [
  "gnu",
  "ls -p d",
  "x.txt\ny.log",
  0
 ],
 [
  "gnu",
  "cat f nosuch",
  "hi\ncat: nosuch: No such file or directory",
  1
 ],
 [
  "gnu",
  "cat d",
  "cat: d: Is a directory",
  1
 ],
 [
  "gnu",
  "cat -n g",
  "     1\tb\n     2\ta\n     3\tc\n     4\ta",
  0
 ],
 [
  "gnu",
  "head -n 2 g",
  "b\na",
  0
 ],
 [
  "gnu",
  "head -2 g",
  "b\na",
  0
 ],
 [
  "gnu",
  "tail -n 2 g",
  "c\na",
  0
 ],
 [
  "gnu",
  "tail -n +2 g",
  "a\nc\na",
  0
 ],
 [
  "gnu",
  "tail -1 g",
  "a",
  0
 ],
 [
  "gnu",
  "wc g",
  "4 4 8 g",
  0
 ],
 [
  "gnu",
  "wc -l g",
  "4 g",
  0
 ],
 [
  "gnu",
  "wc -l < g",
  "4",
  0
 ],
 [
  "gnu",
  "cat g | wc",
  "      4       4       8",
  0
 ],
 [
  "gnu",
  "wc -w g f",
  " 4 g\n 1 f\n 5 total",
  0
 ],
 [
  "gnu",
  "grep a g",
  "a\na",
  0
 ],
 [
  "gnu",
  "grep -c a g",
  "2",
  0
 ],
 [
  "gnu",
  "grep -n a g f",
  "g:2:a\ng:4:a",
  0
 ],
 [
  "gnu",
  "grep -v a g",
  "b\nc",
  0
 ],
 [
  "gnu",
  "grep -A1 b g",
  "b\na",
  0
 ],
 [
  "gnu",
  "grep -B1 -n c g",
  "2-a\n3:c",
  0
 ],
 [
  "gnu",
  "grep -C1 c g f",
  "g-a\ng:c\ng-a",
  0
 ],
 [
  "gnu",
  "grep -A1 a g f",
  "g:a\ng-c\ng:a",
  0
 ],
 [
  "gnu",
  "grep -A z a g",
  "grep: z: invalid context length argument",
  2
 ],
 [
  "gnu",
  "grep -A0 a g",
  "a\n--\na",
  0
 ],
 [
  "gnu",
  "grep -B0 -n a g",
  "2:a\n--\n4:a",
  0
 ],
 [
  "busybox",
  "grep -A0 a g",
  "a\na",
  0
 ],
 [
  "gnu",
  "grep -i A g",
  "a\na",
  0
 ],
 [
  "gnu",
  "grep -E 'a|b' g",
  "b\na\na",
  0
 ],
 [
  "gnu",
  "grep x g",
  "",
  1
 ],
 [
  "gnu",
  "grep a nosuch",
  "grep: nosuch: No such file or directory",
  2
 ],
 [
  "gnu",
  "grep -o 'a' g",
  "a\na",
  0
 ],
 [
  "gnu",
  "grep -w b g",
  "b",
  0
 ],
 [
  "gnu",
  "grep -r x .",
  "",
  1
 ],
 [
  "gnu",
  "sed 's/a/X/' g",
  "b\nX\nc\nX",
  0
 ],
 [
  "gnu",
  "sed -n '2p' g",
  "a",
  0
 ],
 [
  "gnu",
  "sed 's/a/X/g;s/b/Y/' g",
  "Y\nX\nc\nX",
  0
 ],
 [
  "gnu",
  "sed '1d' g",
  "a\nc\na",
  0
 ],
 [
  "gnu",
  "sed -e 's/a/1/' -e 's/b/2/' g",
  "2\n1\nc\n1",
  0
 ],
 [
  "gnu",
  "sed 's/\\(a\\)/[\\1]/' g",
  "b\n[a]\nc\n[a]",
  0
 ],
 [
  "gnu",
  "sed -E 's/(b|c)/<&>/' g",
  "<b>\na\n<c>\na",
  0
 ],
 [
  "gnu",
  "sed 's/a/b' g",
  "sed: -e expression #1, char 5: unterminated `s' command",
  1
 ],
 [
  "gnu",
  "sort g",
  "a\na\nb\nc",
  0
 ],
 [
  "gnu",
  "sort -r g",
  "c\nb\na\na",
  0
 ],
 [
  "gnu",
  "sort -u g",
  "a\nb\nc",
  0
 ],
 [
  "gnu",
  "uniq g",
  "b\na\nc\na",
  0
 ],
 [
  "gnu",
  "sort g | uniq -c",
  "      2 a\n      1 b\n      1 c",
  0
 ],
 [
  "gnu",
  "cut -c1 g",
  "b\na\nc\na",
  0
 ],
 [
  "gnu",
  "echo a:b:c | cut -d: -f2",
  "b",
  0
 ],
 [
  "gnu",
  "echo a:b:c | cut -d: -f2-",
  "b:c",
  0
 ],
 [
  "gnu",
  "echo hello | tr a-z A-Z",
  "HELLO",
  0
 ],
 [
  "gnu",
  "echo hello | tr -d l",
  "heo",
  0
 ],
 [
  "gnu",
  "echo hello | tr -s l",
  "helo",
  0
 ],
 [
  "gnu",
  "basename /a/b/c.txt .txt",
  "c",
  0
 ],
 [
  "gnu",
  "dirname /a/b/c",
  "/a/b",
  0
 ],
 [
  "gnu",
  "seq 3",
  "1\n2\n3",
  0
 ],
 [
  "gnu",
  "seq 2 5",
  "2\n3\n4\n5",
  0
 ],
 [
  "gnu",
  "seq -s, 3",
  "1,2,3",
  0
 ],
 [
  "gnu",
  "seq 1 0.5 2",
  "1.0\n1.5\n2.0",
  0
 ],
 [
  "gnu",
  "mkdir d",
  "mkdir: cannot create directory 'd': File exists",
  1
 ],
 [
  "gnu",
  "mkdir a/b",
  "mkdir: cannot create directory 'a/b': No such file or directory",
  1
 ],
 [
  "gnu",
  "rm nosuch",
  "rm: cannot remove 'nosuch': No such file or directory",
  1
 ],
 [
  "gnu",
  "rm d",
  "rm: cannot remove 'd': Is a directory",
  1
 ],
 [
  "gnu",
  "rm -f nosuch; echo $?",
  "0",
  0
 ],
 [
  "gnu",
  "rmdir d",
  "rmdir: failed to remove 'd': Directory not empty",
  1
 ],
 [
  "gnu",
  "rmdir nosuch",
  "rmdir: failed to remove 'nosuch': No such file or directory",
  1
 ],
 [
  "gnu",
  "touch a/b",
  "touch: cannot touch 'a/b': No such file or directory",
  1
 ],
 [
  "gnu",
  "cp nosuch x",
  "cp: cannot stat 'nosuch': No such file or directory",
  1
 ],
 [
  "gnu",
  "cp d x",
  "cp: -r not specified; omitting directory 'd'",
  1
 ],
 [
  "gnu",
  "cp f f2 && cat f2",
  "hi",
  0
 ],
 [
  "gnu",
  "mv nosuch x",
  "mv: cannot stat 'nosuch': No such file or directory",
  1
 ],
 [
  "gnu",
  "ln -s f l",
  "ln: failed to create symbolic link 'l': File exists",
  1
 ],
 [
  "gnu",
  "stat -c '%n %s %a %A %F' f d l",
  "f 3 644 -rw-r--r-- regular file\nd 4096 755 drwxr-xr-x directory\nl 1 777 lrwxrwxrwx symbolic link",
  0
 ],
 [
  "gnu",
  "find nosuch",
  "find: 'nosuch': No such file or directory",
  1
 ],
 [
  "gnu",
  "du -s d",
  "12\td",
  0
 ],
 [
  "gnu",
  "printf '%s-%d\\n' a 1 b 2",
  "a-1\nb-2",
  0
 ],
 [
  "gnu",
  "printf '%d\\n' abc",
  "bash: line 1: printf: abc: invalid number\n0",
  1
 ],
 [
  "gnu",
  "env -i A=1 env",
  "A=1",
  0
 ],
 [
  "gnu",
  "test -f f && echo yes",
  "yes",
  0
 ],
 [
  "gnu",
  "[ -d d ]; echo $?",
  "0",
  0
 ],
 [
  "gnu",
  "[ 1 -lt ]; echo $?",
  "bash: line 1: [: 1: unary operator expected\n2",
  0
 ],
 [
  "gnu",
  "[ a -lt 1 ]; echo $?",
  "bash: line 1: [: a: integer expression expected\n2",
  0
 ],
 [
  "gnu",
  "date -d @0",
  "Thu Jan  1 00:00:00 UTC 1970",
  0
 ],
 [
  "gnu",
  "date -d @0 +%F",
  "1970-01-01",
  0
 ],
 [
  "gnu",
  "date -u -d @86399 '+%Y-%m-%d %H:%M:%S %a %b %j'",
  "1970-01-01 23:59:59 Thu Jan 001",
  0
 ],
 [
  "gnu",
  "echo -e 'a\\tb'",
  "a\tb",
  0
 ],
 [
  "gnu",
  "whoami",
  "root",
  0
 ],
 [
  "gnu",
  "head -n x g",
  "head: invalid number of lines: 'x'",
  1
 ],
 [
  "gnu",
  "tail nosuch",
  "tail: cannot open 'nosuch' for reading: No such file or directory",
  1
 ],
 [
  "gnu",
  "head nosuch",
  "head: cannot open 'nosuch' for reading: No such file or directory",
  1
 ],
 [
  "gnu",
  "wc nosuch",
  "wc: nosuch: No such file or directory",
  1
 ],
 [
  "gnu",
  "sort nosuch",
  "sort: cannot read: nosuch: No such file or directory",
  2
 ],
 [
  "gnu",
  "uniq nosuch",
  "uniq: nosuch: No such file or directory",
  1
 ],
 [
  "gnu",
  "chmod 7777 nosuch",
  "chmod: cannot access 'nosuch': No such file or directory",
  1
 ],
 [
  "gnu",
  "chmod 600 f && stat -c %a f",
  "600",
  0
 ],
 [
  "gnu",
  "du -sh d",
  "12K\td",
  0
 ],
 [
  "gnu",
  "xargs echo < g",
  "b a c a",
  0
 ],
 [
  "gnu",
  "echo 'a b c' | xargs -n 2 echo",
  "a b\nc",
  0
 ],
 [
  "gnu",
  "ls -l l",
  "lrwxrwxrwx 1 root root 1 Nov 23 13:02 l -> f",
  0
 ],
 [
  "gnu",
  "echo a b | wc -c",
  "4",
  0
 ],
 [
  "gnu",
  "tee /nosuch/x < f",
  "tee: /nosuch/x: No such file or directory\nhi",
  1
 ],
 [
  "gnu",
  "x='a b'; echo \"$x\" $x; echo ${#x}",
  "a b a b\n3",
  0
 ],
 [
  "gnu",
  "set -- a \"b c\" d; echo $#; echo \"$@\"; for i in \"$@\"; do echo \"[$i]\"; done",
  "3\na b c d\n[a]\n[b c]\n[d]",
  0
 ],
 [
  "gnu",
  "for i in $(seq 3); do echo $i; done",
  "1\n2\n3",
  0
 ],
 [
  "gnu",
  "echo $((7 / 2)) $((7 % 3)) $((1 << 3)) $(( (2 + 3) * 4 ))",
  "3 1 8 20",
  0
 ],
 [
  "gnu",
  "f() { echo \"args:$#\"; return 3; }; f 1 2; echo $?",
  "args:2\n3",
  0
 ],
 [
  "gnu",
  "cd d && pwd && cd - && pwd",
  "/tmp/cmp/w/d\n/tmp/cmp/w\n/tmp/cmp/w",
  0
 ],
 [
  "gnu",
  "echo hi > out.txt; cat out.txt; rm out.txt",
  "hi",
  0
 ],
 [
  "gnu",
  "echo $(( 10 > 3 ))",
  "1",
  0
 ],
 [
  "gnu",
  "x=5; [ \"$x\" -gt 3 ] && echo big || echo small",
  "big",
  0
 ],
 [
  "gnu",
  "case hello in h*) echo H;; *) echo other;; esac",
  "H",
  0
 ],
 [
  "gnu",
  "i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done",
  "0\n1\n2",
  0
 ],
 [
  "gnu",
  "unset x; echo \"${x:-default}\" \"${x-unset}\"",
  "default unset",
  0
 ],
 [
  "gnu",
  "echo \"${HOME}\" ~",
  "/root /root",
  0
 ],
 [
  "gnu",
  "printf '%5s|%-5s|%05.1f\\n' a b 3.14159",
  "    a|b    |003.1",
  0
 ],
 [
  "gnu",
  "read a b <<< \"one two three\"; echo \"$b\"",
  "two three",
  0
 ],
 [
  "gnu",
  "echo \"$0\"",
  "bash",
  0
 ],
 [
  "gnu",
  "echo $(echo a; echo b)",
  "a b",
  0
 ],
 [
  "gnu",
  "echo \"$(printf 'x\\n\\n\\n')\"",
  "x",
  0
 ],
 [
  "gnu",
  "a=1; b=$a$a; echo $b",
  "11",
  0
 ],
 [
  "gnu",
  "echo 'single $x' \"double $HOME\"",
  "single $x double /root",
  0
 ],
 [
  "gnu",
  "echo \\$HOME \\\\ \\'",
  "$HOME \\ '",
  0
 ],
 [
  "gnu",
  "export FOO=bar; env | grep FOO",
  "FOO=bar",
  0
 ],
 [
  "gnu",
  "readonly R=1; R=2; echo after",
  "bash: line 1: R: readonly variable",
  1
 ],
 [
  "gnu",
  "trap 'echo trapped' EXIT; echo body",
  "body\ntrapped",
  0
 ],
 [
  "gnu",
  "echo ${x:?oops}",
  "bash: line 1: x: oops",
  127
 ],
 [
  "gnu",
  "nosuch --flag",
  "bash: line 1: nosuch: command not found",
  127
 ],
 [
  "gnu",
  "ls /nosuch 2>&1 | head -1",
  "ls: cannot access '/nosuch': No such file or directory",
  0
 ],
 [
  "gnu",
  "false; echo $?; true; echo $?",
  "1\n0",
  0
 ],
 [
  "gnu",
  "echo a; exit 4; echo b",
  "a",
  4
 ],
 [
  "gnu",
  "shift; echo $?",
  "1",
  0
 ],
 [
  "gnu",
  "local x",
  "bash: line 1: local: can only be used in a function",
  1
 ],
 [
  "gnu",
  "echo {1..3}",
  "1 2 3",
  0
 ],
 [
  "gnu",
  "[[ abc == a* ]] && echo yes",
  "yes",
  0
 ],
 [
  "gnu",
  "echo $((2**8))",
  "256",
  0
 ],
 [
  "gnu",
  "x=abc; echo ${x^^} ${x:1}",
  "ABC bc",
  0
 ],
 [
  "gnu",
  "cd /nosuch",
  "bash: line 1: cd: /nosuch: No such file or directory",
  1
 ],
 [
  "gnu",
  "echo > /nosuch/f",
  "bash: line 1: /nosuch/f: No such file or directory",
  1
 ],
 [
  "gnu",
  "cat < /nosuch",
  "bash: line 1: /nosuch: No such file or directory",
  1
 ],
 [
  "gnu",
  ". ./nosuch",
  "bash: line 1: ./nosuch: No such file or directory",
  1
 ],
 [
  "gnu",
  "exit foo",
  "bash: line 1: exit: foo: numeric argument required",
  2
 ],
 [
  "gnu",
  "set -o pipefail; false | true; echo $?",
  "1",
  0
 ],
 [
  "gnu",
  "echo $(( 1 / 0 ))",
  "bash: line 1: 1 / 0 : division by 0 (error token is \"0 \")",
  1
 ],
 [
  "gnu",
  "echo \"a\\nb\"",
  "a\\nb",
  0
 ],
 [
  "gnu",
  "echo -e \"a\\nb\"",
  "a\nb",
  0
 ],
 [
  "gnu",
  "kill -l 15",
  "TERM",
  0
 ],
 [
  "gnu",
  "wait 12345; echo $?",
  "bash: line 1: wait: pid 12345 is not a child of this shell\n127",
  0
 ],
 [
  "gnu",
  "echo $((0x10)) $((010))",
  "16 8",
  0
 ],
 [
  "gnu",
  "IFS=,; set -- $(echo \"1,2,3\"); echo $# \"$2\"",
  "3 2",
  0
 ],
 [
  "gnu",
  "f() { local v=in; echo $v; }; v=out; f; echo $v",
  "in\nout",
  0
 ],
 [
  "gnu",
  "for x in *; do echo \"$x\"; done",
  "d\nf\ng\nl",
  0
 ],
 [
  "gnu",
  "echo */",
  "d/",
  0
 ],
 [
  "gnu",
  "if [ -f f ]; then echo file; fi; if [ -e nosuch ]; then echo yes; else echo no; fi",
  "file\nno",
  0
 ],
 [
  "gnu",
  "echo $((x=3+4)) $x",
  "7 7",
  0
 ],
 [
  "gnu",
  "echo `echo hi`",
  "hi",
  0
 ],
 [
  "gnu",
  "set -u; echo $nosuchvar",
  "bash: line 1: nosuchvar: unbound variable",
  127
 ],
 [
  "gnu",
  "umask",
  "0022",
  0
 ],
 [
  "gnu",
  "printf '%s\\n' \"$(ls)\"",
  "d\nf\ng\nl",
  0
 ],
 [
  "busybox",
  "ls",
  "d\nf\ng\nl",
  0
 ],
 [
  "busybox",
  "ls -l",
  "total 12\ndrwxr-xr-x    2 root     root          4096 Nov 23 13:02 d\n-rw-r--r--    1 root     root             3 Nov 23 13:02 f\n-rw-r--r--    1 root     root             8 Nov 23 13:02 g\nlrwxrwxrwx    1 root     root             1 Nov 23 13:02 l -> f",
  0
 ],
 [
  "busybox",
  "ls d f",
  "f\n\nd:\nx.txt\ny.log",
  0
 ],
 [
  "busybox",
  "ls -l d",
  "total 8\n-rw-r--r--    1 root     root             2 Nov 23 13:02 x.txt\n-rw-r--r--    1 root     root             3 Nov 23 13:02 y.log",
  0
 ],
 [
  "busybox",
  "ls -ld d",
  "drwxr-xr-x    2 root     root          4096 Nov 23 13:02 d",
  0
 ],
 [
  "busybox",
  "ls nosuch",
  "ls: nosuch: No such file or directory",
  1
 ],
 [
  "busybox",
  "ls -l nosuch f",
  "ls: nosuch: No such file or directory\n-rw-r--r--    1 root     root             3 Nov 23 13:02 f",
  1
 ],
 [
  "busybox",
  "ls -lh",
  "total 12K    \ndrwxr-xr-x    2 root     root        4.0K Nov 23 13:02 d\n-rw-r--r--    1 root     root           3 Nov 23 13:02 f\n-rw-r--r--    1 root     root           8 Nov 23 13:02 g\nlrwxrwxrwx    1 root     root           1 Nov 23 13:02 l -> f",
  0
 ],
 [
  "busybox",
  "ls -F",
  "d/\nf\ng\nl@",
  0
 ],
 [
  "busybox",
  "ls -p d",
  "x.txt\ny.log",
  0
 ],
 [
  "busybox",
  "cat f nosuch",
  "hi\ncat: can't open 'nosuch': No such file or directory",
  1
 ],
 [
  "busybox",
  "cat d",
  "cat: read error: Is a directory",
  1
 ],
 [
  "busybox",
  "cat -n g",
  "     1\tb\n     2\ta\n     3\tc\n     4\ta",
  0
 ],
 [
  "busybox",
  "head -n 2 g",
  "b\na",
  0
 ],
 [
  "busybox",
  "head -2 g",
  "b\na",
  0
 ],
 [
  "busybox",
  "tail -n 2 g",
  "c\na",
  0
 ],
 [
  "busybox",
  "tail -n +2 g",
  "a\nc\na",
  0
 ],
 [
  "busybox",
  "tail -1 g",
  "a",
  0
 ],
 [
  "busybox",
  "wc g",
  "        4         4         8 g",
  0
 ],
 [
  "busybox",
  "wc -l g",
  "4 g",
  0
 ],
 [
  "busybox",
  "wc -l < g",
  "4",
  0
 ],
 [
  "busybox",
  "cat g | wc",
  "        4         4         8",
  0
 ],
 [
  "busybox",
  "wc -w g f",
  "        4 g\n        1 f\n        5 total",
  0
 ],
 [
  "busybox",
  "grep a g",
  "a\na",
  0
 ],
 [
  "busybox",
  "grep -c a g",
  "2",
  0
 ],
 [
  "busybox",
  "grep -n a g f",
  "g:2:a\ng:4:a",
  0
 ],
 [
  "busybox",
  "grep -v a g",
  "b\nc",
  0
 ],
 [
  "busybox",
  "grep -i A g",
  "a\na",
  0
 ],
 [
  "busybox",
  "grep -E 'a|b' g",
  "b\na\na",
  0
 ],
 [
  "busybox",
  "grep x g",
  "",
  1
 ],
 [
  "busybox",
  "grep a nosuch",
  "grep: nosuch: No such file or directory",
  2
 ],
 [
  "busybox",
  "grep -o 'a' g",
  "a\na",
  0
 ],
 [
  "busybox",
  "grep -w b g",
  "b",
  0
 ],
 [
  "busybox",
  "grep -r x .",
  "",
  1
 ],
 [
  "busybox",
  "sed 's/a/X/' g",
  "b\nX\nc\nX",
  0
 ],
 [
  "busybox",
  "sed -n '2p' g",
  "a",
  0
 ],
 [
  "busybox",
  "sed 's/a/X/g;s/b/Y/' g",
  "Y\nX\nc\nX",
  0
 ],
 [
  "busybox",
  "sed '1d' g",
  "a\nc\na",
  0
 ],
 [
  "busybox",
  "sed -e 's/a/1/' -e 's/b/2/' g",
  "2\n1\nc\n1",
  0
 ],
 [
  "busybox",
  "sed 's/\\(a\\)/[\\1]/' g",
  "b\n[a]\nc\n[a]",
  0
 ],
 [
  "busybox",
  "sed -E 's/(b|c)/<&>/' g",
  "<b>\na\n<c>\na",
  0
 ],
 [
  "busybox",
  "sed 's/a/b' g",
  "sed: unmatched '/'",
  1
 ],
 [
  "busybox",
  "sort g",
  "a\na\nb\nc",
  0
 ],
 [
  "busybox",
  "sort -r g",
  "c\nb\na\na",
  0
 ],
 [
  "busybox",
  "sort -u g",
  "a\nb\nc",
  0
 ],
 [
  "busybox",
  "uniq g",
  "b\na\nc\na",
  0
 ],
 [
  "busybox",
  "sort g | uniq -c",
  "      2 a\n      1 b\n      1 c",
  0
 ],
 [
  "busybox",
  "cut -c1 g",
  "b\na\nc\na",
  0
 ],
 [
  "busybox",
  "echo a:b:c | cut -d: -f2",
  "b",
  0
 ],
 [
  "busybox",
  "echo a:b:c | cut -d: -f2-",
  "b:c",
  0
 ],
 [
  "busybox",
  "echo hello | tr a-z A-Z",
  "HELLO",
  0
 ],
 [
  "busybox",
  "echo hello | tr -d l",
  "heo",
  0
 ],
 [
  "busybox",
  "echo hello | tr -s l",
  "helo",
  0
 ],
 [
  "busybox",
  "basename /a/b/c.txt .txt",
  "c",
  0
 ],
 [
  "busybox",
  "dirname /a/b/c",
  "/a/b",
  0
 ],
 [
  "busybox",
  "seq 3",
  "1\n2\n3",
  0
 ],
 [
  "busybox",
  "seq 2 5",
  "2\n3\n4\n5",
  0
 ],
 [
  "busybox",
  "seq -s, 3",
  "1,2,3",
  0
 ],
 [
  "busybox",
  "seq 1 0.5 2",
  "1.0\n1.5\n2.0",
  0
 ],
 [
  "busybox",
  "mkdir d",
  "mkdir: can't create directory 'd': File exists",
  1
 ],
 [
  "busybox",
  "mkdir a/b",
  "mkdir: can't create directory 'a/b': No such file or directory",
  1
 ],
 [
  "busybox",
  "rm nosuch",
  "rm: can't remove 'nosuch': No such file or directory",
  1
 ],
 [
  "busybox",
  "rm d",
  "rm: 'd' is a directory",
  1
 ],
 [
  "busybox",
  "rm -f nosuch; echo $?",
  "0",
  0
 ],
 [
  "busybox",
  "rmdir d",
  "rmdir: 'd': Directory not empty",
  1
 ],
 [
  "busybox",
  "rmdir nosuch",
  "rmdir: 'nosuch': No such file or directory",
  1
 ],
 [
  "busybox",
  "touch a/b",
  "touch: a/b: No such file or directory",
  1
 ],
 [
  "busybox",
  "cp nosuch x",
  "cp: can't stat 'nosuch': No such file or directory",
  1
 ],
 [
  "busybox",
  "cp d x",
  "cp: omitting directory 'd'",
  1
 ],
 [
  "busybox",
  "cp f f2 && cat f2",
  "hi",
  0
 ],
 [
  "busybox",
  "mv nosuch x",
  "mv: can't rename 'nosuch': No such file or directory",
  1
 ],
 [
  "busybox",
  "ln -s f l",
  "ln: l: File exists",
  1
 ],
 [
  "busybox",
  "stat -c '%n %s %a %A %F' f d l",
  "f 3 644 -rw-r--r-- regular file\nd 4096 755 drwxr-xr-x directory\nl 1 777 lrwxrwxrwx symbolic link",
  0
 ],
 [
  "busybox",
  "find nosuch",
  "find: nosuch: No such file or directory",
  1
 ],
 [
  "busybox",
  "du -s d",
  "12\td",
  0
 ],
 [
  "busybox",
  "printf '%s-%d\\n' a 1 b 2",
  "a-1\nb-2",
  0
 ],
 [
  "busybox",
  "printf '%d\\n' abc",
  "sh: invalid number 'abc'\n0",
  1
 ],
 [
  "busybox",
  "env -i A=1 env",
  "A=1",
  0
 ],
 [
  "busybox",
  "test -f f && echo yes",
  "yes",
  0
 ],
 [
  "busybox",
  "[ -d d ]; echo $?",
  "0",
  0
 ],
 [
  "busybox",
  "[ 1 -lt ]; echo $?",
  "sh: -lt: argument expected\n2",
  0
 ],
 [
  "busybox",
  "[ a -lt 1 ]; echo $?",
  "sh: a: bad number\n2",
  0
 ],
 [
  "busybox",
  "date -d @0",
  "Thu Jan  1 00:00:00 UTC 1970",
  0
 ],
 [
  "busybox",
  "date -d @0 +%F",
  "1970-01-01",
  0
 ],
 [
  "busybox",
  "date -u -d @86399 '+%Y-%m-%d %H:%M:%S %a %b %j'",
  "1970-01-01 23:59:59 Thu Jan 001",
  0
 ],
 [
  "busybox",
  "echo -e 'a\\tb'",
  "a\tb",
  0
 ],
 [
  "busybox",
  "whoami",
  "root",
  0
 ],
 [
  "busybox",
  "head -n x g",
  "head: invalid number 'x'",
  1
 ],
 [
  "busybox",
  "tail nosuch",
  "tail: can't open 'nosuch': No such file or directory\ntail: no files",
  1
 ],
 [
  "busybox",
  "head nosuch",
  "head: nosuch: No such file or directory",
  1
 ],
 [
  "busybox",
  "wc nosuch",
  "wc: nosuch: No such file or directory",
  1
 ],
 [
  "busybox",
  "sort nosuch",
  "sort: nosuch: No such file or directory",
  2
 ],
 [
  "busybox",
  "uniq nosuch",
  "uniq: can't open 'nosuch': No such file or directory",
  1
 ],
 [
  "busybox",
  "chmod 7777 nosuch",
  "chmod: nosuch: No such file or directory",
  1
 ],
 [
  "busybox",
  "chmod 600 f && stat -c %a f",
  "600",
  0
 ],
 [
  "busybox",
  "du -sh d",
  "12.0K\td",
  0
 ],
 [
  "busybox",
  "xargs echo < g",
  "b a c a",
  0
 ],
 [
  "busybox",
  "echo 'a b c' | xargs -n 2 echo",
  "a b\nc",
  0
 ],
 [
  "busybox",
  "ls -l l",
  "lrwxrwxrwx    1 root     root             1 Nov 23 13:02 l -> f",
  0
 ],
 [
  "busybox",
  "echo a b | wc -c",
  "4",
  0
 ],
 [
  "busybox",
  "tee /nosuch/x < f",
  "tee: /nosuch/x: No such file or directory\nhi",
  1
 ],
 [
  "busybox",
  "x='a b'; echo \"$x\" $x; echo ${#x}",
  "a b a b\n3",
  0
 ],
 [
  "busybox",
  "set -- a \"b c\" d; echo $#; echo \"$@\"; for i in \"$@\"; do echo \"[$i]\"; done",
  "3\na b c d\n[a]\n[b c]\n[d]",
  0
 ],
 [
  "busybox",
  "for i in $(seq 3); do echo $i; done",
  "1\n2\n3",
  0
 ],
 [
  "busybox",
  "echo $((7 / 2)) $((7 % 3)) $((1 << 3)) $(( (2 + 3) * 4 ))",
  "3 1 8 20",
  0
 ],
 [
  "busybox",
  "f() { echo \"args:$#\"; return 3; }; f 1 2; echo $?",
  "args:2\n3",
  0
 ],
 [
  "busybox",
  "cd d && pwd && cd - && pwd",
  "/tmp/cmp/w/d\n/tmp/cmp/w\n/tmp/cmp/w",
  0
 ],
 [
  "busybox",
  "echo hi > out.txt; cat out.txt; rm out.txt",
  "hi",
  0
 ],
 [
  "busybox",
  "echo $(( 10 > 3 ))",
  "1",
  0
 ],
 [
  "busybox",
  "x=5; [ \"$x\" -gt 3 ] && echo big || echo small",
  "big",
  0
 ],
 [
  "busybox",
  "case hello in h*) echo H;; *) echo other;; esac",
  "H",
  0
 ],
 [
  "busybox",
  "i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done",
  "0\n1\n2",
  0
 ],
 [
  "busybox",
  "unset x; echo \"${x:-default}\" \"${x-unset}\"",
  "default unset",
  0
 ],
 [
  "busybox",
  "echo \"${HOME}\" ~",
  "/root /root",
  0
 ],
 [
  "busybox",
  "printf '%5s|%-5s|%05.1f\\n' a b 3.14159",
  "    a|b    |003.1",
  0
 ],
 [
  "busybox",
  "echo \"$0\"",
  "sh",
  0
 ],
 [
  "busybox",
  "echo $(echo a; echo b)",
  "a b",
  0
 ],
 [
  "busybox",
  "echo \"$(printf 'x\\n\\n\\n')\"",
  "x",
  0
 ],
 [
  "busybox",
  "a=1; b=$a$a; echo $b",
  "11",
  0
 ],
 [
  "busybox",
  "echo 'single $x' \"double $HOME\"",
  "single $x double /root",
  0
 ],
 [
  "busybox",
  "echo \\$HOME \\\\ \\'",
  "$HOME \\ '",
  0
 ],
 [
  "busybox",
  "export FOO=bar; env | grep FOO",
  "FOO=bar",
  0
 ],
 [
  "busybox",
  "readonly R=1; R=2; echo after",
  "sh: R: is read only",
  2
 ],
 [
  "busybox",
  "trap 'echo trapped' EXIT; echo body",
  "body\ntrapped",
  0
 ],
 [
  "busybox",
  "echo ${x:?oops}",
  "sh: x: oops",
  2
 ],
 [
  "busybox",
  "nosuch --flag",
  "sh: nosuch: not found",
  127
 ],
 [
  "busybox",
  "ls /nosuch 2>&1 | head -1",
  "ls: /nosuch: No such file or directory",
  0
 ],
 [
  "busybox",
  "false; echo $?; true; echo $?",
  "1\n0",
  0
 ],
 [
  "busybox",
  "echo a; exit 4; echo b",
  "a",
  4
 ],
 [
  "busybox",
  "shift; echo $?",
  "1",
  0
 ],
 [
  "busybox",
  "local x",
  "sh: local: line 0: not in a function",
  2
 ],
 [
  "busybox",
  "echo {1..3}",
  "{1..3}",
  0
 ],
 [
  "busybox",
  "[[ abc == a* ]] && echo yes",
  "yes",
  0
 ],
 [
  "busybox",
  "echo $((2**8))",
  "256",
  0
 ],
 [
  "busybox",
  "x=abc; echo ${x^^} ${x:1}",
  "sh: syntax error: bad substitution",
  2
 ],
 [
  "busybox",
  "cd /nosuch",
  "sh: cd: line 0: can't cd to /nosuch: No such file or directory",
  2
 ],
 [
  "busybox",
  "echo > /nosuch/f",
  "sh: can't create /nosuch/f: nonexistent directory",
  1
 ],
 [
  "busybox",
  "cat < /nosuch",
  "sh: can't open /nosuch: no such file",
  1
 ],
 [
  "busybox",
  ". ./nosuch",
  "sh: .: line 0: can't open './nosuch': No such file or directory",
  2
 ],
 [
  "busybox",
  "exit foo",
  "sh: exit: line 0: Illegal number: foo",
  2
 ],
 [
  "busybox",
  "set -o pipefail; false | true; echo $?",
  "1",
  0
 ],
 [
  "busybox",
  "echo $(( 1 / 0 ))",
  "sh: divide by zero",
  2
 ],
 [
  "busybox",
  "echo \"a\\nb\"",
  "a\\nb",
  0
 ],
 [
  "busybox",
  "echo -e \"a\\nb\"",
  "a\nb",
  0
 ],
 [
  "busybox",
  "kill -l 15",
  "TERM",
  0
 ],
 [
  "busybox",
  "wait 12345; echo $?",
  "127",
  0
 ],
 [
  "busybox",
  "echo $((0x10)) $((010))",
  "16 8",
  0
 ],
 [
  "busybox",
  "IFS=,; set -- $(echo \"1,2,3\"); echo $# \"$2\"",
  "3 2",
  0
 ],
 [
  "busybox",
  "f() { local v=in; echo $v; }; v=out; f; echo $v",
  "in\nout",
  0
 ],
 [
  "busybox",
  "for x in *; do echo \"$x\"; done",
  "d\nf\ng\nl",
  0
 ],
 [
  "busybox",
  "echo */",
  "d/",
  0
 ],
 [
  "busybox",
  "if [ -f f ]; then echo file; fi; if [ -e nosuch ]; then echo yes; else echo no; fi",
  "file\nno",
  0
 ],
 [
  "busybox",
  "echo $((x=3+4)) $x",
  "7 7",
  0
 ],
 [
  "busybox",
  "echo `echo hi`",
  "hi",
  0
 ],
 [
  "busybox",
  "set -u; echo $nosuchvar",
  "sh: nosuchvar: parameter not set",
  2
 ],
 [
  "busybox",
  "umask",
  "0022",
  0
 ],
 [
  "busybox",
  "printf '%s\\n' \"$(ls)\"",
  "d\nf\ng\nl",
  0
 ]
];

const T = Date.UTC(2026, 10, 23, 13, 2);
const W = '/tmp/cmp/w';

/** The recorded tree: f, g, d/x.txt, d/y.log, l -> f, all dated Nov 23 13:02. */
function tree(flavour: Flavour) {
  let now = () => T;
  const fs = new MemFs(() => now());
  const k = new TestKernel(fs, programsFor(flavour));
  now = () => k.scheduler.now();
  fs.mkdir('/root');
  fs.mkdir('/tmp');
  fs.put('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\n');
  fs.put('/etc/group', 'root:x:0:\n');
  k.install('/bin');
  fs.mkdir(W, { recursive: true });
  fs.put(`${W}/f`, 'hi\n');
  fs.put(`${W}/g`, 'b\na\nc\na\n');
  fs.mkdir(`${W}/d`);
  fs.put(`${W}/d/x.txt`, '1\n');
  fs.put(`${W}/d/y.log`, '22\n');
  fs.symlink('f', `${W}/l`);
  for (const p of ['f', 'g', 'd', 'd/x.txt', 'd/y.log', '']) fs.utimes(`${W}/${p}`, T);
  return { fs, k };
}

async function run(flavour: Flavour, command: string, stdin = '') {
  const { k, fs } = tree(flavour);
  const out = new Capture();
  const p = k.start([flavour === 'gnu' ? 'bash' : 'sh', '-c', command], {
    stdout: out,
    stderr: out,
    env: new Map([['PATH', '/bin'], ['HOME', '/root']]),
    cwd: W,
    stdin: stringInput(stdin),
  });
  const status = await k.scheduler.runUntil(p.done);
  return { output: out.text.replace(/\n+$/, ''), status, fs };
}

describe('programs match the real tools', () => {
  for (const flavour of ['gnu', 'busybox'] as const) {
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

describe('programs', () => {
  it('registry: both flavours have sh, GNU has bash', () => {
    const bb = programsFor('busybox');
    const gnu = programsFor('gnu');
    for (const name of ['sh', 'echo', 'cat', 'ls', 'grep', 'sed', 'sleep', 'yes', 'find', '[', 'test']) {
      expect(bb.has(name)).toBe(true);
      expect(gnu.has(name)).toBe(true);
    }
    expect(gnu.has('bash')).toBe(true);
    expect(bb.has('bash')).toBe(false);
  });

  it('date prints the virtual clock in the default format', async () => {
    const { k } = tree('gnu');
    const out = new Capture();
    const p = k.start(['date'], { stdout: out });
    await k.scheduler.runUntil(p.done);
    expect(out.text).toBe('Mon Nov 23 13:02:06 UTC 2026\n');
  });

  it('uname takes the kernel release as a parameter', async () => {
    for (const [flavour, os] of [['gnu', 'GNU/Linux'], ['busybox', 'Linux']] as const) {
      const fs = new MemFs();
      const k = new TestKernel(fs, programsFor(flavour, { kernelRelease: '6.6.0-test', kernelVersion: '#1 SMP' })).install();
      k.hostname = 'box';
      const out = new Capture();
      await k.scheduler.runUntil(k.start(['uname', '-a'], { stdout: out }).done);
      expect(out.text).toBe(`Linux box 6.6.0-test #1 SMP x86_64 ${os}\n`);
      const r = new Capture();
      await k.scheduler.runUntil(k.start(['uname', '-r'], { stdout: r }).done);
      expect(r.text).toBe('6.6.0-test\n');
    }
  });

  it('sleep accepts 2.5, 1s, 1m and waits on the virtual clock', async () => {
    const { k } = tree('busybox');
    const t0 = k.scheduler.now();
    expect(await k.scheduler.runUntil(k.start(['sleep', '2.5', '1s']).done)).toBe(0);
    expect(k.scheduler.now() - t0).toBe(3500);
    expect(await k.scheduler.runUntil(k.start(['sleep', '1m']).done)).toBe(0);
    expect(k.scheduler.now() - t0).toBe(63500);
  });

  it('sleep infinity runs until killed', async () => {
    const { k } = tree('gnu');
    k.nextPid = 2;
    const p = k.start(['sleep', 'infinity']);
    await k.scheduler.runUntil(k.scheduler.sleep(60_000));
    expect(k.procs.has(p.pid)).toBe(true);
    k.signal(p.pid, 15);
    expect(await k.scheduler.runUntil(p.done)).toBe(143);
  });

  it('tail -f follows a file on the virtual clock', async () => {
    const { k, fs } = tree('gnu');
    k.nextPid = 2;
    const out = new Capture();
    const p = k.start(['tail', '-f', `${W}/f`], { stdout: out });
    await k.scheduler.runUntil(k.scheduler.sleep(500));
    fs.writeFile(`${W}/f`, new TextEncoder().encode('more\n'), { append: true });
    await k.scheduler.runUntil(k.scheduler.sleep(1000));
    expect(out.text).toBe('hi\nmore\n');
    k.signal(p.pid, 9);
    expect(await k.scheduler.runUntil(p.done)).toBe(137);
  });

  it('rm -r, cp -r, mv and ln -s change the tree', async () => {
    const r = await run('gnu', 'cp -r d e && mv e/x.txt e/z.txt && ln -s e/z.txt link && cat link && rm -r d && ls');
    expect(r.output).toBe('1\ne\nf\ng\nl\nlink');
    expect(r.fs.readlink(`${W}/link`)).toBe('e/z.txt');
  });

  it('tee writes as it reads; xargs runs a command', async () => {
    const r = await run('busybox', 'printf "a\\nb\\n" | tee out.txt | xargs echo got; cat out.txt');
    expect(r.output).toBe('got a b\na\nb');
  });

  it('sed -i edits in place; grep -q sets the status', async () => {
    const r = await run('gnu', "sed -i 's/hi/HELLO/' f && cat f && grep -q HELLO f && echo found");
    expect(r.output).toBe('HELLO\nfound');
  });

  it('find -exec runs commands', async () => {
    const r = await run('gnu', "find d -name '*.txt' -exec cat {} \\;");
    expect(r.output).toBe('1');
  });

  it('ls lays out columns on a terminal', async () => {
    const { k } = tree('gnu');
    const out = new Capture();
    await k.scheduler.runUntil(k.start(['ls', W], { stdout: out, tty: true }).done);
    expect(out.text).toBe('d  f  g  l\n');
  });

  it('du -sh and df -h print plausible numbers', async () => {
    expect((await run('gnu', 'du -sh d')).output).toBe('12K\td');
    expect((await run('busybox', 'du -sh d')).output).toBe('12.0K\td');
    expect((await run('gnu', 'df -h /')).output.split('\n')[0]).toBe('Filesystem      Size  Used Avail Use% Mounted on');
  });

  it('echo as a program, printf, seq -w', async () => {
    expect((await run('gnu', '/bin/echo -e "a\\tb"; /bin/printf "%s|" x y; echo; seq -w 9 11')).output).toBe('a\tb\nx|y|\n09\n10\n11');
  });
});
