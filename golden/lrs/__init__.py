"""lrs family golden generators: ``golden/lrs/<topic>.py`` writes ``golden/data/lrs_<topic>.json``."""
