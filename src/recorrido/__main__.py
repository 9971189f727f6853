"""``python -m recorrido``: the command line."""

from .cli import main

main()
