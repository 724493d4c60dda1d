#!/usr/bin/env bash
# Real code that talks to databases all day, for the db-loops pack's precision check: the Python
# database libraries Debian packages (downloaded with apt-get download and unpacked, not installed)
# and Node.js ORMs, drivers and job queues from the npm registry (npm pack). ORM and migration
# internals are full of loops over tables, columns and constraints, so this is where schema-work
# false positives show. Prints the db-loops findings; read them.
#   bench/db_libraries.sh [OUT_DIR]       (default /tmp/citizenscan-dblibs)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/tmp/citizenscan-dblibs}
build=${CITIZENSCAN_BUILD:-$here/build}
debs=(python3-aiosqlite python3-alembic python3-asyncpg python3-celery python3-databases
      python3-django-extensions python3-flask-migrate python3-flask-sqlalchemy python3-kombu python3-motor
      python3-mysqldb python3-pandas python3-peewee python3-pony python3-psycopg2 python3-pymongo
      python3-pymysql python3-redis python3-sqlalchemy-utils python3-sqlalchemy python3-sqlparse)
npms=(agenda@6.2.6 better-sqlite3@12.11.1 bookshelf@1.2.0 bull@4.16.5 bullmq@6.7.0 db-migrate@0.11.14
      drizzle-orm@0.45.4 firebase-admin@13.10.0 googleapis-common@8.0.3 knex@3.3.0 kysely@0.28.19
      massive@6.11.3 mikro-orm@6.6.16 mongoose@9.12.1 mssql@12.7.14 mysql2@3.24.6 node-cron@4.6.0
      node-pg-migrate@9.0.0 objection@3.1.5 pg@8.23.1 pg-promise@12.7.1 @prisma/client@7.10.0
      sequelize@6.37.8 slonik@47.3.2 typeorm@1.1.1 umzug@3.8.3)
mkdir -p "$out/deb" "$out/npm" "$out/py" "$out/js"
if [ ! -e "$out/.done" ]; then
  (cd "$out/deb" && for p in "${debs[@]}"; do apt-get download "$p" >/dev/null || echo "skipped $p" >&2; done)
  for f in "$out"/deb/*.deb; do dpkg -x "$f" "$out/py"; done
  (cd "$out/npm" && for p in "${npms[@]}"; do npm pack "$p" --silent >/dev/null || echo "skipped $p" >&2; done)
  for f in "$out"/npm/*.tgz; do d="$out/js/$(basename "$f" .tgz)"; mkdir -p "$d"; tar xzf "$f" -C "$d"; done
  touch "$out/.done"
fi
"$here/scripts/build.sh" >/dev/null
"$build/citizenscan" scan --no-builtin-rules --rules "$here/rules/db-loops.json" "$out/py" "$out/js" \
  --format text 2>/dev/null | grep -v ': note: ' || true
