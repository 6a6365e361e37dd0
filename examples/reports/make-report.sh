#!/bin/sh
# Writes report.html (and prints the text reports) from this folder's fixture: eight dealers,
# half a year of orders and payments, a few flows and visits, two overdue causes. A fresh
# store each run; the day is pinned to 2026-11-18 so the figures stay the same.
#
#   examples/reports/make-report.sh            (from the project folder, or from here)
set -e
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
swift build -q --product kaiqu
kaiqu=$(swift build --show-bin-path)/kaiqu
store=$(mktemp -d)/fixture.db
run() { "$kaiqu" "$@" --store "$store" --now 2026-11-18T18:00:00+08:00; }
run import "$here/customers.csv" > /dev/null
run import orders "$here/orders.csv" > /dev/null
run import payments "$here/payments.csv" > /dev/null
run chat < "$here/chat.txt" > /dev/null
run report monthly
run report funnel
run report abc --from 2026-06-01 --to 2026-11-18
run report receivables
run report --format html --from 2026-11-01 --to 2026-11-30 --out "$here/report.html"
