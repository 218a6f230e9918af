# title: docker login without a terminal: what it refuses
# topic: registry

  $ docker login
  Error: Cannot perform an interactive login from a non TTY device
  [1]
  $ docker login -u x
  Error: Cannot perform an interactive login from a non TTY device
  [1]
  $ docker login -p y
  WARNING! Using --password via the CLI is insecure. Use --password-stdin.
  Error: Cannot perform an interactive login from a non TTY device
  [1]
  $ docker login 127.0.0.1:5000
  Error: Cannot perform an interactive login from a non TTY device
  [1]
  $ docker login --password-stdin
  the --password-stdin option requires --username to be set
  [1]
  $ docker login -u x -p y --password-stdin 127.0.0.1:5000
  conflicting options: cannot specify both --password and --password-stdin
  [1]
  $ docker login -u x --password-stdin 127.0.0.1:5000
  Error: Cannot perform an interactive login from a non TTY device
  [1]
  $ docker login -u '' 127.0.0.1:5000
  username is empty
  [1]
  $ docker login -u x -p '' 127.0.0.1:5000
  password is empty
  [1]
  $ echo | docker login -u x --password-stdin 127.0.0.1:5000
  Error: Cannot perform an interactive login from a non TTY device
  [1]
  $ echo '  ' | docker login -u x --password-stdin 127.0.0.1:5000
  inappropriate ioctl for device
  [1]
  $ docker login --password-stdin=false -u x 127.0.0.1:5000
  Error: Cannot perform an interactive login from a non TTY device
  [1]
  $ docker login a b
  docker: 'docker login' requires at most 1 argument
  
  Usage:  docker login [OPTIONS] [SERVER]
  
  SRun 'docker login --help' for more information
  [1]
  $ test -e ~/.docker || echo no config
  no config
