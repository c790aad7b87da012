#!/bin/sh
# AppCDS for Greenroom, used by the Dockerfile, the systemd install and bench/admission-load.sh.
# Usage: train-cds.sh DIR [JAVA]
# DIR holds the extracted application (greenroom.jar and lib/, from
# `java -Djarmode=tools -jar greenroom-*.jar extract --destination DIR --application-filename greenroom.jar`)
# and jvm.options. A training run that stops once the application context is up archives the classes
# it loaded into DIR/greenroom.jsa; start Greenroom with -XX:SharedArchiveFile=DIR/greenroom.jsa and the
# same -jar path. The training run uses a throwaway in-memory database and writes nothing else.
set -eu
dir=$1
java=${2:-java}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# An admission snapshot for the training database, so the training run also answers admission while it
# starts (EarlyAdmission) and the classes for that are archived too. The database is named by the SHA-256
# of its URL; the keys and the one slot are placeholders.
training_db=jdbc:h2:mem:training
printf '{"version":1,"database":"%s","admissionKey":"training","viewerKey":"training","apps":[{"id":1,"name":"training","privateViewing":false,"onDuplicate":"DENY","slots":[{"id":1,"name":"training","secret":"training","enabled":true,"displayName":"Training"}]}]}' \
  "$(printf '%s' "$training_db" | sha256sum | cut -d' ' -f1)" >"$work/admission-snapshot.json"
"$java" @"$dir/jvm.options" -XX:ArchiveClassesAtExit="$dir/greenroom.jsa" -Dspring.context.exit=onRefresh \
  -jar "$dir/greenroom.jar" --spring.datasource.url="$training_db" \
  --greenroom.ome.config-dir="$work/ome-conf" --greenroom.admission.snapshot-file="$work/admission-snapshot.json" --greenroom.admin.password=training-only-not-used \
  --logging.level.root=WARN >"$work/training.log" 2>&1 || true
if [ ! -s "$dir/greenroom.jsa" ]; then
  echo "train-cds: no archive was written; the training run said:" >&2
  cat "$work/training.log" >&2
  exit 1
fi
echo "train-cds: wrote $dir/greenroom.jsa ($(du -m "$dir/greenroom.jsa" | cut -f1) MB)"
