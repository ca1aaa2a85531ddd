"""The throwaway PostgreSQL cluster the server tests run on (tests/support/postgres.py)."""

import uuid

import psycopg
import pytest
from sqlalchemy import create_engine, text

USER_TABLES = """SELECT count(*) FROM pg_class JOIN pg_namespace ON pg_namespace.oid = relnamespace
WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg_toast%'"""


def test_the_cluster_listens_on_the_loopback_address_only(postgres_cluster):
    with postgres_cluster.connect() as connection:
        assert connection.execute("SHOW listen_addresses").fetchone() == ("127.0.0.1",)
        assert connection.execute("SELECT host(inet_server_addr())").fetchone() == ("127.0.0.1",)
        assert connection.execute("SHOW server_encoding").fetchone() == ("UTF8",)


def test_each_database_is_fresh_empty_and_dropped_afterwards(postgres_cluster, server_database):
    with postgres_cluster.database() as other:
        assert other.name != server_database.name
        with psycopg.connect(server_database.url, autocommit=True) as first:
            assert first.execute("SELECT current_database()").fetchone() == (server_database.name,)
            assert first.execute(USER_TABLES).fetchone() == (0,)
            first.execute("CREATE TABLE interview (title text)")
        with psycopg.connect(other.url) as second:
            assert second.execute("SELECT current_database()").fetchone() == (other.name,)
            assert second.execute(USER_TABLES).fetchone() == (0,)
        assert other.url.startswith("postgresql://fangtan_admin@127.0.0.1:")

    engine = create_engine(postgres_cluster.admin_url(server_database.name))
    try:
        with engine.connect() as connection:
            assert connection.execute(text(USER_TABLES)).scalar_one() == 1
    finally:
        engine.dispose()
    with postgres_cluster.connect() as admin:
        names = admin.execute("SELECT datname FROM pg_database").fetchall()
    assert (other.name,) not in names
    assert (server_database.name,) in names


def test_committed_rows_survive_an_immediate_stop_and_a_restart(postgres_cluster, server_database):
    connection = psycopg.connect(server_database.url)
    # The cluster commits asynchronously for speed: a crash test commits synchronously.
    connection.execute("SET synchronous_commit = on")
    connection.execute("CREATE TABLE interview (title text)")
    connection.execute("INSERT INTO interview VALUES ('访谈一')")
    connection.commit()
    connection.execute("INSERT INTO interview VALUES ('uncommitted')")
    postgres_cluster.stop_immediate()
    assert not postgres_cluster.running
    with pytest.raises(psycopg.OperationalError):
        connection.execute("SELECT 1")
    connection.close()

    postgres_cluster.start()
    with psycopg.connect(server_database.url) as reopened:
        assert reopened.execute("SELECT title FROM interview").fetchall() == [("访谈一",)]
    assert "automatic recovery in progress" in postgres_cluster.log.read_text(encoding="utf-8")


def test_a_password_role_must_give_its_password(postgres_cluster, server_database):
    role = f"pw_{uuid.uuid4().hex[:8]}"
    postgres_cluster.create_password_role(role, "秘密 secret")
    base = {"host": postgres_cluster.host, "port": postgres_cluster.port}
    with psycopg.connect(
        **base, dbname=server_database.name, user=role, password="秘密 secret"
    ) as c:
        assert c.execute("SELECT current_user").fetchone() == (role,)
    for wrong in ("", "secret"):
        with pytest.raises(psycopg.OperationalError, match="password"):
            psycopg.connect(**base, dbname=server_database.name, user=role, password=wrong)
