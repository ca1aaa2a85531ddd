"""Reading interview files and turning them into documents with turns."""
