"""Renderers for findings: plain/coloured text for people, JSON for scripts (contract.md)."""
