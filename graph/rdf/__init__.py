"""What writes RDF: IRIs, vocabularies, triples of one document, the store and ``unkg build``.

The uses of the graph once written (queries, projections, analysis, views) live one level up,
in ``unkg.graph``; nothing here imports them.
"""
