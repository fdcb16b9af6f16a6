"""The package version, read by the build backend and re-exported as ``atensi.__version__``."""

__version__ = "0.1.0.dev0"
