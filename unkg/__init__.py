"""unkg: knowledge graphs of UN documents on the Organized Crime Convention and its Protocols."""

__version__ = "0.1.0"
