# title: docker image with no subcommand, and --help
# topic: help

  $ docker image --help
  Usage:  docker image COMMAND
  
  Manage images
  
  Commands:
    build       Build an image from a Dockerfile
    history     Show the history of an image
    import      Import the contents from a tarball to create a filesystem image
    inspect     Display detailed information on one or more images
    load        Load an image from a tar archive or STDIN
    ls          List images
    prune       Remove unused images
    pull        Download an image from a registry
    push        Upload an image to a registry
    rm          Remove one or more images
    save        Save one or more images to a tar archive (streamed to STDOUT by default)
    tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
  
  Run 'docker image COMMAND --help' for more information on a command.
  $ docker image
  Usage:  docker image COMMAND
  
  Manage images
  
  Commands:
    build       Build an image from a Dockerfile
    history     Show the history of an image
    import      Import the contents from a tarball to create a filesystem image
    inspect     Display detailed information on one or more images
    load        Load an image from a tar archive or STDIN
    ls          List images
    prune       Remove unused images
    pull        Download an image from a registry
    push        Upload an image to a registry
    rm          Remove one or more images
    save        Save one or more images to a tar archive (streamed to STDOUT by default)
    tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
  
  Run 'docker image COMMAND --help' for more information on a command.
  $ docker image nosuch
  docker: unknown command: docker image nosuch
  
  Usage:  docker image
  
  Run 'docker image --help' for more information
  [1]
  $ docker container commint
  docker: unknown command: docker container commint
  
  Usage:  docker container
  
  Run 'docker container --help' for more information
  [1]
