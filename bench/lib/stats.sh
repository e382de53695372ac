# Sourced by the bench scripts: small statistics over numbers (awk, so decimals work).
#
#   min A B       the smaller of A and B; an empty A gives B (start of a running minimum)
#   median "X Y…" the median of space-separated numbers, two decimals
#   geomean [D]   the geometric mean of the numbers on stdin, one per line, with D decimals (default 3); "n/a" if none
min() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "") print b; else print (b < a) ? b : a }'; }
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
geomean() { awk -v d="${1:-3}" '{ s += log($1); n++ } END { if (n) printf "%." d "f", exp(s / n); else print "n/a" }'; }
