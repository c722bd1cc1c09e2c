"""argmap: map policy debates as claim-rebuttal graphs."""

__version__ = "0.1.0"
