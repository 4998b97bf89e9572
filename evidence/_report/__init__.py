"""A record set as a static website (`evidence report`): the cases, the claims by status with
their evidence, every stored text with its quotes highlighted, the chain of each claim back to
its primary source, the timeline, the cast and the citations; HTML made with Jinja2 that opens
from the file system, with no network."""

from evidence._report.build import MANIFEST, write_report

__all__ = ["MANIFEST", "write_report"]
