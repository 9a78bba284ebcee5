"""The version of vndiplo, in one place (read by hatch at build time and by the package)."""

__version__ = "0.2.0"
