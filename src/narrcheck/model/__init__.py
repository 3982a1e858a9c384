"""The data model: locations, documents, claims, findings. Knows nothing of readers, checks or the CLI."""
