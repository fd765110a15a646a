// Replaced by the search client.
