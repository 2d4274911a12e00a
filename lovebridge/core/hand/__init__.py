"""One's own handwriting: the capture sheet's geometry, reading a photo of it, storing the hand."""
