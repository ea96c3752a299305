"""The project's own hand-written demo catalog (`data.py`) and its loader (`loader.py`)."""
