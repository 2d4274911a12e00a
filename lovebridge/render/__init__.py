"""The note renderer: QPainter onto PDF, printer or image (QtGui only, no widgets)."""
