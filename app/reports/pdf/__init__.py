"""PDF documents: the archive packet, paper forms, the assessment form and the term summary."""
