#!/bin/sh
# Creates the festival bucket in MinIO; run by compose's minio-init (image minio/mc), safe to rerun.
# Films, covers, posters and signed forms are private: clients reach them only through presigned URLs.
set -eu
# The keys come as files (compose's secrets), or as values where no file is given.
access_key="${S3_ACCESS_KEY:-$(cat "${S3_ACCESS_KEY_FILE:?set S3_ACCESS_KEY or S3_ACCESS_KEY_FILE}")}"
secret_key="${S3_SECRET_KEY:-$(cat "${S3_SECRET_KEY_FILE:?set S3_SECRET_KEY or S3_SECRET_KEY_FILE}")}"
mc alias set festival "${S3_URL:-http://minio:9000}" "$access_key" "$secret_key"
mc mb --ignore-existing "festival/${S3_BUCKET:-festival}"
mc anonymous set none "festival/${S3_BUCKET:-festival}"
