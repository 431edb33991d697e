"""The gazetteer's one base exception."""


class GazetteerError(Exception):
    """A place could not be loaded, built or resolved; the message says what to do."""
