"""``python -m goalgraph``: the same as the ``goalgraph`` command."""

from goalgraph.cli import main

if __name__ == "__main__":
    main(prog_name="goalgraph")
