"""lr family golden generators: ``golden/lr/<topic>.py`` writes ``golden/data/lr_<topic>.json``."""
