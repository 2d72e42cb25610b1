"""English: verb forms and the clause grammar that reads the tense around an expression."""
