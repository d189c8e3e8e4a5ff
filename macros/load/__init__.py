"""From disk to Python: the data folder's YAML documents and the code examples' files."""
