"""Alembic environment: runs on the connection LoveBridge hands over (never from a URL)."""

from alembic import context

from lovebridge.store.migrate import include_object
from lovebridge.store.models import Base


def run_migrations() -> None:
    """Migrate on the connection in `config.attributes["connection"]`."""
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
