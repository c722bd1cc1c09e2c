"""The web shell: the terminal app served to browsers (`argmap serve`), with textual-serve."""
