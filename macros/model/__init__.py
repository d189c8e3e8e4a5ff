"""The dataset's shape (models, collections, fields), the addresses derived from ids, and the loaded Dataset."""
