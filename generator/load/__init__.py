"""Load a plan file: frontmatter → plain data, with the line and column of every value and key.

Also where each value ends and which lists and groups are written in flow style (`[a, b]`,
`{k: v}`): what editing a file in place (generator/author) needs to keep every other byte.

Plain data means what JSON has: dicts, lists, strings, numbers, booleans and None. YAML dates
become ISO strings, so the schema sees `2023-07-01` the same whether it was quoted or not.

- `loaded`: the LoadedFile a file becomes (data, body, positions, diagnostics);
- `source`: reading the bytes: regular files only, at most 1 MiB, never a hang;
- `frontmatter`: bytes → text → the fields between the `---` lines;
- `builder`: YAML events → plain data, with positions;
- `scalars`: what a plain YAML value means (YAML 1.1 surprises such as `2:00` refused);
- `hints`: a YAML syntax error → the line it is really on, and what to do about it.
"""

from .builder import YamlLoader
from .frontmatter import frontmatter_lines, parse_plan_text, parse_yaml
from .loaded import LoadedFile, Position, escape_pointer
from .source import MAX_BYTES, load_file

__all__ = [
    "MAX_BYTES",
    "LoadedFile",
    "Position",
    "YamlLoader",
    "escape_pointer",
    "frontmatter_lines",
    "load_file",
    "parse_plan_text",
    "parse_yaml",
]
