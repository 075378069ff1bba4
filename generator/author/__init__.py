"""The authoring stage: writing plan files for people who do not edit YAML by hand.

Between check and compute in the pipeline: it reads files as the loader does (with the position
of every value), writes them, and checks the result before anything is written.

- `period`: PERIOD arguments (2023-Q4, 2023-H2, 2023-07, 2023, a date range) → a period;
- `yaml_text`: values written as YAML that reads back as the same value; a whole new plan;
- `splice`: one entry added to a list in place, every other byte of the file kept;
- `record`: check-ins, actuals and 1:1s — what makes one refused, and the edit itself;
- `template`: a new plan from the repository's `plans/_template.md` or the built-in one;
- `next_cycle`: the next cycle's plan from the last one (`new --from`);
- `sheet`: rows of a stand-up sheet (.xlsx or .csv) to import.
"""
