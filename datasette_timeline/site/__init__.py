"""Static-site export of a timeline (``datasette-timeline export-site``)."""

from __future__ import annotations

from .export import ExportError, ExportReport, export_site

__all__ = ["ExportError", "ExportReport", "export_site"]
