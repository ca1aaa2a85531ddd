"""Layout features of real interview pages, one module each, used by app.importing.layout."""
