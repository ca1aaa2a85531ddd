"""Server projects: a team's project in one PostgreSQL database."""
