"""The vndiplo test suite."""
