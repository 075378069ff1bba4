"""The site stage: the MkDocs plugin and what it drives.

- `plugin`: MkDocs events wired to the pipeline; the declared options;
- `pipeline`: plans → checked → computed → rendered pages, with the check cache it owns;
- `nav`: the navigation, in the site's language;
- `policy`: the Content-Security-Policy of every page;
- `preview`: what `serve` shows while a plan has an error;
- `offline`: a site that opens from its folder (the pull-request preview);
- `search_words`: the plans' names kept whole by the search's word cutter;
- `accessibility`: Material's markup completed for screen readers;
- `edit_links`: where plan files open in GitHub's web editor;
- `notify_options`: the plugin's `notify` option;
- `output`: where a build may write.
"""
