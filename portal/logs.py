"""Log formatting."""

import logging


class OneLineFormatter(logging.Formatter):
    """The message on one line, no traceback: for events that say everything
    in their message (a request for a host we do not serve)."""

    def format(self, record):
        record = logging.makeLogRecord(record.__dict__)
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return super().format(record).replace("\n", " ")
