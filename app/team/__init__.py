"""Working as a team without a server: assignments, progress, merging annotators' projects."""
