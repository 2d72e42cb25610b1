"""Language packs: the words, patterns and grammar of each language the tagger reads."""
