"""The report's browser check (``check_report.py``) and the skewed backend it reports on."""
