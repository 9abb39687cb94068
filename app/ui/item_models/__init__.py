"""Qt item models over service results (lazy lists, compliance grid)."""
