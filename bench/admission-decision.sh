#!/usr/bin/env bash
# In-process microbenchmark (JMH) of one admission decision: signature check, JSON parse and
# decision, with 1,000 apps x 10 slots in memory. Usage: bench/admission-decision.sh [JMH args]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
java -cp "$CP" org.openjdk.jmh.Main AdmissionDecisionBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s "$@"
