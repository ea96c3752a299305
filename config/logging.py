"""Logging pieces the settings name (LOGGING in config/settings.py)."""

import logging


class WithoutTraceback(logging.Filter):
    """Keeps a record's message and drops its traceback: for what anyone can cause at will
    (a bad Host header), where the message says all and a traceback would flood the log."""

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        return True
