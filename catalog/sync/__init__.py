"""The catalog sync: public catalogs (models.dev, OpenRouter, genai-prices) read into plain
snapshots by one parser each (pure: files or bytes in, dataclasses out), then applied to
the catalog under the trust rules (catalog/sync/apply.py)."""
