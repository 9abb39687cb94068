"""Small reusable widgets (field rows with error labels, colour legend)."""
