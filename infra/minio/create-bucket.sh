#!/bin/sh
# Creates the festival bucket in MinIO; run by compose's minio-init (image minio/mc), safe to rerun.
# Films, covers, posters and signed forms are private: clients reach them only through presigned URLs.
set -eu
mc alias set festival "${S3_URL:-http://minio:9000}" "$S3_ACCESS_KEY" "$S3_SECRET_KEY"
mc mb --ignore-existing "festival/${S3_BUCKET:-festival}"
mc anonymous set none "festival/${S3_BUCKET:-festival}"
