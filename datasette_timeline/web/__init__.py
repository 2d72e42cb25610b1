"""The Datasette side of datasette-timeline: `/{database}/{table}/-/timeline`.

Any table with dates gets a timeline: ISO dates or date-times in text, or our own
`start`/`end`/`precision`/`date` columns, are detected (config.py). Per-table settings in
metadata.json override detection:

    "plugins": {"datasette-timeline": {
        "date_column": "start",          # sorted and range-filtered (ISO day or date-time)
        "end_column": "end",             # inclusive last day, for exports
        "precision_column": "precision", # year, month, week, day, ...
        "value_column": "date",          # TIMEX3 value shown at its precision
        "label_column": "text",          # the event's words
        "group_column": "actors",        # JSON array: chips, Actor facet, lanes
        "link_column": "url",            # an http(s) link per row
        "count_facets_up_to": 10000,     # larger selections: facets counted after the page
        "enabled": false                 # switch a table off
    }}

Modules: config (columns), query (Datasette's filters, page, counts, overview, facets),
present (rows to what the page shows), dates (precision words and HTML datetimes), exports
(JSON, TimelineJS, iCalendar), cache (aggregates remembered while the file is unchanged),
permissions, views (the routes) and hooks (what `datasette_timeline/__init__.py` calls).
"""
