"""One module per part of the API; the client imports each when it is first used."""
