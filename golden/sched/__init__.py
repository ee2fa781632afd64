"""sched family golden generators: ``golden/sched/<topic>.py`` writes ``golden/data/sched_<topic>.json``."""
