"""`argmap lsp`: a Language Server Protocol server for debate files, built on pygls.

`server.py` creates the server and registers each feature; every feature group has its own
module, and all of them translate between LSP types and the library (`argmap.load`,
`argmap.locate`, `argmap.semantics`), which does the analysis.
"""
