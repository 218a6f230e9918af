# title: Variable substitution: ${VAR:-default}, ${VAR:+alt}, escapes, in COPY ENV WORKDIR LABEL
# topic: build

  $ docker pull -q busybox
  docker.io/library/busybox:latest
  $ mkdir subst
  $ cd subst
  $ echo config > app.conf
  $ cat > Dockerfile <<'EOF'
  > FROM busybox
  > ENV DIR=/srv APP=app
  > ENV UNSET_DEFAULT=${NOPE:-fallback} SET_ALT=${APP:+alternative} UNSET_ALT=${NOPE:+never}
  > ENV LITERAL=\$APP BRACED=${APP}_x PLAIN=$APP_x
  > WORKDIR $DIR/$APP
  > COPY ${APP}.conf ./
  > LABEL where="$DIR" what=${APP:-none}
  > ENV DIR=/opt OLD=$DIR
  > RUN echo "$UNSET_DEFAULT|$SET_ALT|$UNSET_ALT|$LITERAL|$BRACED|$PLAIN|$OLD"
  > EOF
# modern: VERSIONS.md row 1: dockerd 20.10 printed "Removing intermediate container <id12>"; Docker 25.0+ prints " ---> Removed intermediate container <id12>"
  $ DOCKER_BUILDKIT=0 docker build -t subst .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  3.072kB
  Step 1/9 : FROM busybox
   ---> d5068c83069e
  Step 2/9 : ENV DIR=/srv APP=app
   ---> Running in 55fc37af459b
   ---> Removed intermediate container 55fc37af459b
   ---> 24f85e5be534
  Step 3/9 : ENV UNSET_DEFAULT=${NOPE:-fallback} SET_ALT=${APP:+alternative} UNSET_ALT=${NOPE:+never}
   ---> Running in d186dd440b45
   ---> Removed intermediate container d186dd440b45
   ---> 005e9cb3ec27
  Step 4/9 : ENV LITERAL=\$APP BRACED=${APP}_x PLAIN=$APP_x
   ---> Running in 364f41598d01
   ---> Removed intermediate container 364f41598d01
   ---> 349594cc1879
  Step 5/9 : WORKDIR $DIR/$APP
   ---> Running in a5358cd57c18
   ---> Removed intermediate container a5358cd57c18
   ---> 0f8af2873335
  Step 6/9 : COPY ${APP}.conf ./
   ---> db6cb8dc227e
  Step 7/9 : LABEL where="$DIR" what=${APP:-none}
   ---> Running in b432eba25558
   ---> Removed intermediate container b432eba25558
   ---> 810b7cc6efbf
  Step 8/9 : ENV DIR=/opt OLD=$DIR
   ---> Running in e0cbd5fd7726
   ---> Removed intermediate container e0cbd5fd7726
   ---> 27e0ff86bc37
  Step 9/9 : RUN echo "$UNSET_DEFAULT|$SET_ALT|$UNSET_ALT|$LITERAL|$BRACED|$PLAIN|$OLD"
   ---> Running in 1979a488894d
  fallback|alternative||$APP|app_x||/srv
   ---> Removed intermediate container 1979a488894d
   ---> abf50992684e
  Successfully built abf50992684e
  Successfully tagged subst:latest
  $ docker inspect --format '{{range .Config.Env}}{{println .}}{{end}}' subst
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  DIR=/opt
  APP=app
  UNSET_DEFAULT=fallback
  SET_ALT=alternative
  UNSET_ALT=
  LITERAL=$APP
  BRACED=app_x
  PLAIN=
  OLD=/srv
  
  $ docker inspect --format '{{.Config.WorkingDir}} {{json .Config.Labels}}' subst
  /srv/app {"what":"app","where":"/srv"}
  $ docker run --rm subst ls
  app.conf
# ${VAR:?message} refuses an unset variable
  $ printf 'FROM busybox\nENV X=${APP:?needed}\n' > Dockerfile
  $ DOCKER_BUILDKIT=0 docker build -t subst .
  DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
              BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
              environment-variable.
  
  Sending build context to Docker daemon  3.072kB
  Step 1/2 : FROM busybox
   ---> d5068c83069e
  Step 2/2 : ENV X=${APP:?needed}
  failed to process "${APP:?needed}": APP: needed
  [1]
# not recorded: an unclosed "${APP" (dockerd 20.10 says "missing ':' in substitution", Docker 28's
# lexer "unsupported modifier (\ufffd) in substitution") and ${VAR#pattern}, ${VAR%pattern},
# ${VAR/a/b}, which Docker 28 supports and 20.10 refuses
