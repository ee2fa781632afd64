"""optim family golden generators: ``golden/optim/<topic>.py`` writes ``golden/data/optim_<topic>.json``."""
