# title: here-documents inside sh -c and piped from the host
# topic: shell

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ docker run --rm busybox sh -c 'cat <<EOF
  > first line
  > second line
  > EOF'
  first line
  second line
  $ docker run --rm busybox sh -c 'NAME=box; cat <<EOF
  > hello $NAME
  > EOF'
  hello box
  $ docker run --rm busybox sh -c 'NAME=box; cat <<"EOF"
  > hello $NAME
  > EOF'
  hello $NAME
  $ docker run --rm busybox sh -c 'cat > /tmp/conf <<EOF
  > a=1
  > b=2
  > EOF
  > grep b= /tmp/conf'
  b=2
  $ docker run --rm -i busybox sh <<'EOF'
  > echo from stdin
  > echo $((6 * 7))
  > EOF
  from stdin
  42
  $ docker run --rm -i busybox wc -l <<'EOF'
  > one
  > two
  > EOF
  2
