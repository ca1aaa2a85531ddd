"""Alembic environment: migrations run on the connection handed in by models.schema."""

from alembic import context
from sqlalchemy import Connection, create_engine

from models import Base
from models.assistance import schema_comparison_options

config = context.config
target_metadata = Base.metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        **schema_comparison_options(),
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    url = config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("no connection handed in and no sqlalchemy.url configured")
    engine = create_engine(url)
    with engine.begin() as fresh:
        run_migrations(fresh)
