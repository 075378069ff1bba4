"""The site stage: the MkDocs plugin and what it drives.

- `plugin`: MkDocs events wired to the pipeline; the declared options;
- `pipeline`: plans → checked → computed → rendered pages, with the check cache it owns;
- `nav`: the navigation.
"""
