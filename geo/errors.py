"""The geo package's one base exception."""


class GeoError(Exception):
    """Input could not be read or processed; the message names the file and the problem."""
