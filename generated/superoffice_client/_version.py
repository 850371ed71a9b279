"""The version of this generated package (``generate --package-version``)."""

__version__ = "0.1.0"
