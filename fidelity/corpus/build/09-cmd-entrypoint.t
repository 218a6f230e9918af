# title: CMD and ENTRYPOINT: shell and exec forms, run with and without arguments
# topic: build
# seed: D06 D09

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir ep
  $ cd ep
  $ printf 'FROM busybox\nCMD echo shell form $HOME\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -q -t cmd-shell . 2>/dev/null
  sha256:dd289c645640865566e1bf2fe74c84c271543eea61242ba19ed499a6e1bfd7f0
  $ printf 'FROM busybox\nCMD ["echo", "exec form", "$HOME"]\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -q -t cmd-exec . 2>/dev/null
  sha256:f4f40bf0ec9cf875f87ba211465f34df7bbc211127313305074288b9282a8b34
  $ printf 'FROM busybox\nENTRYPOINT ["echo", "entry:"]\nCMD ["default", "args"]\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -q -t ep-exec . 2>/dev/null
  sha256:802c3402405b2983ee416530fa80ac7766641e5b2216373ef78b678f2a7746bc
  $ printf 'FROM busybox\nENTRYPOINT echo entry shell\nCMD ["ignored"]\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -q -t ep-shell . 2>/dev/null
  sha256:a58a0bc36601356aeee14a952d544aa872d059fa13789f611f2ff586e7fc6665
  $ printf 'FROM busybox\nCMD ["echo", "from CMD"]\nENTRYPOINT ["echo", "entry:"]\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -q -t ep-resets-cmd . 2>/dev/null
  sha256:dee9b61dd51b2dd2a9119201f4b70074696f8899bc7ec6760bdeaf68e7a1a1a2
  $ printf 'FROM busybox\nENTRYPOINT ["echo", "only entry"]\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -q -t ep-only . 2>/dev/null
  sha256:c6a326e904bf25a652bdad69beab27d8573290313f4bc97bfbe994286a4a5407
# ENTRYPOINT drops the CMD inherited from the base image (busybox's ["sh"]), but not one set earlier in the same Dockerfile
  $ for i in cmd-shell cmd-exec ep-exec ep-shell ep-resets-cmd ep-only; do docker inspect --format "$i {{json .Config.Entrypoint}} {{json .Config.Cmd}}" $i; done
  cmd-shell null ["/bin/sh","-c","echo shell form $HOME"]
  cmd-exec null ["echo","exec form","$HOME"]
  ep-exec ["echo","entry:"] ["default","args"]
  ep-shell ["/bin/sh","-c","echo entry shell"] ["ignored"]
  ep-resets-cmd ["echo","entry:"] ["echo","from CMD"]
  ep-only ["echo","only entry"] null
  $ docker run --rm cmd-shell
  shell form /root
  $ docker run --rm cmd-shell echo replaced
  replaced
  $ docker run --rm cmd-exec
  exec form $HOME
  $ docker run --rm ep-exec
  entry: default args
  $ docker run --rm ep-exec given
  entry: given
  $ docker run --rm ep-shell given
  entry shell
  $ docker run --rm ep-resets-cmd
  entry: echo from CMD
  $ docker run --rm ep-only
  only entry
  $ docker run --rm --entrypoint ls ep-exec /etc/hostname
  /etc/hostname
# JSON that does not parse falls back to the shell form, so the build passes and the run fails
  $ printf 'FROM busybox\nCMD ["echo", "unterminated]\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -q -t cmd-bad . 2>/dev/null
  sha256:959ab6266c0fb17682f543a56cb5bd87d305dc67346bb496649aa9b30276da3b
  $ docker run --rm cmd-bad
  /bin/sh: syntax error: unterminated quoted string
  [2]
