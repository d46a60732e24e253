#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: listens only on 127.0.0.1 (and a Unix
# socket inside its own folder), trusts local connections, runs as a non-root user.
#
#   tests/pg_cluster.sh start DIR [PORT]   # prints the admin URL, e.g. postgresql://postgres@127.0.0.1:55432/postgres
#   tests/pg_cluster.sh stop DIR
#
# Needs Debian's `postgresql` package (or any PostgreSQL >= 12 whose bin folder is on PATH).
set -euo pipefail
action="${1:?start|stop}"
dir="${2:?the cluster folder}"
port="${3:-55432}"

bindir=""
if command -v pg_ctl >/dev/null 2>&1; then
    bindir="$(dirname "$(command -v pg_ctl)")"
else
    bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/pg_ctl" ]; then
    echo "pg_cluster.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 3
fi

# initdb refuses to run as root: use the postgres account (or nobody) then.
as_user() {
    if [ "$(id -u)" -eq 0 ]; then
        local who="postgres"
        id "$who" >/dev/null 2>&1 || who="nobody"
        if command -v runuser >/dev/null 2>&1; then
            runuser -u "$who" -- "$@"
        else
            su -s /bin/sh "$who" -c "$(printf '%q ' "$@")"
        fi
    else
        "$@"
    fi
}
owner() {
    if [ "$(id -u)" -eq 0 ]; then id postgres >/dev/null 2>&1 && echo postgres || echo nobody; else id -un; fi
}

case "$action" in
start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown "$(owner)" "$dir"; fi
    chmod 700 "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_user "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
            || as_user "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
    fi
    as_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
        start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_user "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    ;;
*)
    echo "usage: $0 start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
