"""Turn SuperOffice-style API reference pages into a typed, tested Python client."""
