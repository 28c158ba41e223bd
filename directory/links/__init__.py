"""Link checking for entry URLs: a polite async engine, pure classification,
a run history (two-run rule) and reports for people, tools and the tracking issue."""
