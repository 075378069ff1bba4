"""Render stage: page tree path -> Markdown or bytes, Jinja2 templates and charts."""
