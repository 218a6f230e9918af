# title: docker ps --help
# topic: help

  $ docker ps --help
  Usage:  docker ps [OPTIONS]
  
  List containers
  
  Aliases:
    docker container ls, docker container list, docker container ps, docker ps
  
  Options:
    -a, --all             Show all containers (default shows just running)
    -f, --filter filter   Filter output based on conditions provided
        --format string   Format output using a custom template:
                          'table':            Print output in table format
                          with column headers (default)
                          'table TEMPLATE':   Print output in table format
                          using the given Go template
                          'json':             Print in JSON format
                          'TEMPLATE':         Print output using the given
                          Go template.
                          Refer to https://docs.docker.com/go/formatting/
                          for more information about formatting output with
                          templates
    -n, --last int        Show n last created containers (includes all
                          states) (default -1)
    -l, --latest          Show the latest created container (includes all
                          states)
        --no-trunc        Don't truncate output
    -q, --quiet           Only display container IDs
    -s, --size            Display total file sizes
  $ docker container ls --help
  Usage:  docker container ls [OPTIONS]
  
  List containers
  
  Aliases:
    docker container ls, docker container list, docker container ps, docker ps
  
  Options:
    -a, --all             Show all containers (default shows just running)
    -f, --filter filter   Filter output based on conditions provided
        --format string   Format output using a custom template:
                          'table':            Print output in table format
                          with column headers (default)
                          'table TEMPLATE':   Print output in table format
                          using the given Go template
                          'json':             Print in JSON format
                          'TEMPLATE':         Print output using the given
                          Go template.
                          Refer to https://docs.docker.com/go/formatting/
                          for more information about formatting output with
                          templates
    -n, --last int        Show n last created containers (includes all
                          states) (default -1)
    -l, --latest          Show the latest created container (includes all
                          states)
        --no-trunc        Don't truncate output
    -q, --quiet           Only display container IDs
    -s, --size            Display total file sizes
  $ docker ps --help --nosuch
  unknown flag: --nosuch
  
  Usage:  docker ps [OPTIONS]
  
  Run 'docker ps --help' for more information
  [125]
  $ docker container ps -h | tail -n 3
        --no-trunc        Don't truncate output
    -q, --quiet           Only display container IDs
    -s, --size            Display total file sizes
