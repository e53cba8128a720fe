#!/usr/bin/env bash
# Benchmark (not a test): renders one PDF of 342 one-page letters (one per municipality) from the
# sample template in src/test/resources, cold and then warm. Usage: bench/pdf-letters.sh [warm rounds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath"
# Errors only: openhtmltopdf and PDFBox report each render at INFO/WARN.
cat > "$WORK/logback.xml" <<'XML'
<configuration>
  <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%level %logger - %msg%n</pattern></encoder>
  </appender>
  <root level="ERROR"><appender-ref ref="console"/></root>
</configuration>
XML
java -Dlogback.configurationFile="$WORK/logback.xml" \
    -cp "target/test-classes:target/classes:$(cat "$WORK/classpath")" \
    nl.doorstroom.documents.PdfLettersBench "${1:-5}"
