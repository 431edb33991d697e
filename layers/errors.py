"""The layers package's one base exception."""


class SiteError(Exception):
    """An events table could not be read or a site could not be written; the message says why."""
