"""exp family golden generators: ``golden/exp/<topic>.py`` writes ``golden/data/exp_<topic>.json``."""
