from .commands import main

main()  # `python -m clean` is the `clean` command, `learn` included
