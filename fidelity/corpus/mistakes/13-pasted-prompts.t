# title: shell prompts pasted with the command
# topic: mistakes

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ $ docker ps
  bash: $: command not found
  [127]
  $ docker@default:~$ docker ps
  bash: docker@default:~$: command not found
  [127]
  $ root@874f23f16592:/# ls
  bash: root@874f23f16592:/#: No such file or directory
  [127]
  $ docker images --format '{{.Repository}}' # list repositories
  busybox
