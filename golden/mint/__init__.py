"""mint family golden generators: ``golden/mint/<topic>.py`` writes ``golden/data/mint_<topic>.json``."""
