"""Every error narrcheck raises on purpose derives from NarrcheckError."""


class NarrcheckError(Exception):
    """Base of all expected errors; the CLI turns them into one line and exit code 2."""


class InputError(NarrcheckError):
    """The input file cannot be read: the message names the file and the cause."""

    def __init__(self, path: str, cause: str) -> None:
        super().__init__(f"{path}: {cause}")
        self.path = path
        self.cause = cause


class ConfigError(NarrcheckError):
    """A setting is unknown or invalid."""
