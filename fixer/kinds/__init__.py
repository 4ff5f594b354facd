"""Rule kinds: the engines that turn a rule's data into findings.

``pattern``: a regular expression with an optional replacement template.
``lines``: whole lines matched by patterns, deleted with their line break.
``detector``: a Python function named by the rule (``module:function`` under
``fixer.detectors``) for evidence a pattern cannot express.
"""
