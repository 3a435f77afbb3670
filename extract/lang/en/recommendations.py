"""English: recommendations (part of the language layer; see unkg.extract.lang)."""
