"""The Chinese grammar: one module per part of ``unkg.extract.lang.Grammar``."""
