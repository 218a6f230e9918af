# title: --env-file: malformed lines and a missing file, for run and exec
# topic: run

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ printf 'A B=1\n' > spaced.env
  $ docker run --rm --env-file spaced.env busybox true
  docker: invalid env file (spaced.env): variable 'A B' contains whitespaces
  
  Run 'docker run --help' for more information
  [125]
  $ printf '=1\n' > noname.env
  $ docker run --rm --env-file noname.env busybox true
  docker: invalid env file (noname.env): no variable name on line '=1'
  
  Run 'docker run --help' for more information
  [125]
  $ printf '  # indented comment\n\nC=3\n  D=4\nE\n' > ok.env
  $ export E=from-client; docker run --rm --env-file ok.env busybox sh -c 'echo "$C|$D|$E"'
  3|4|from-client
  $ docker run -d --name ef busybox sleep 300
  341e7769134a21c69534ca3338f4ec6e87b0498796dd143ef9355e2755a46536
  $ docker exec --env-file nosuch.env ef true
  open nosuch.env: no such file or directory
  [1]
  $ docker exec --env-file ok.env ef sh -c 'echo "$C|$D"'
  3|4
  $ docker exec --env-file spaced.env ef true
  invalid env file (spaced.env): variable 'A B' contains whitespaces
  [1]
  $ docker rm -f ef
  ef
