"""Reading a document: normalization for matching, sentences, and the header."""
