# PostgreSQL for the storage tests (sourced by .ci/run, as root, with set -euo pipefail).
# Installs Debian's server package if needed, starts a cluster, creates a login role that may
# create databases (each test gets a fresh one) and exports CROSSWIRE_TEST_POSTGRES.
# Safe to source again: every step checks what is already there.

cw_pg_user=crosswire
cw_pg_password=crosswire   # a throw-away test role on a server listening on localhost only
cw_pg_db=crosswire_test

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "postgres.sh: installing postgresql"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

cw_pg_version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if [ -z "$(pg_lsclusters -h 2>/dev/null | awk -v v="$cw_pg_version" '$1 == v')" ]; then
    pg_createcluster "$cw_pg_version" main >/dev/null
fi
cw_pg_cluster=$(pg_lsclusters -h | awk -v v="$cw_pg_version" '$1 == v {print $2; exit}')
cw_pg_port=$(pg_lsclusters -h | awk -v v="$cw_pg_version" '$1 == v {print $3; exit}')
if ! pg_lsclusters -h | awk -v v="$cw_pg_version" -v c="$cw_pg_cluster" '$1 == v && $2 == c' \
        | grep -q online; then
    pg_ctlcluster "$cw_pg_version" "$cw_pg_cluster" start
fi
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$cw_pg_port" && break
    sleep 1
done
pg_isready -h 127.0.0.1 -p "$cw_pg_port"

cw_psql() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$cw_pg_port" "$@"; }
if [ "$(cw_psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$cw_pg_user'")" != 1 ]; then
    cw_psql -c "CREATE ROLE $cw_pg_user LOGIN CREATEDB PASSWORD '$cw_pg_password'"
fi
if [ "$(cw_psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$cw_pg_db'")" != 1 ]; then
    cw_psql -c "CREATE DATABASE $cw_pg_db OWNER $cw_pg_user"
fi

export CROSSWIRE_TEST_POSTGRES="postgresql://$cw_pg_user:$cw_pg_password@127.0.0.1:$cw_pg_port/$cw_pg_db"
echo "postgres.sh: PostgreSQL $cw_pg_version ready at 127.0.0.1:$cw_pg_port"
unset -f cw_psql
