"""One function per command of `salesplan` (as mkdocs has commands/): each returns what it
found or made, or raises CommandError; none prints or exits (the CLI does).

- `site_config`: mkdocs.yml as the commands see it;
- `validate`, `status`, `generate`, `build` (with serve): the commands.
"""
