"""The operation guide (通知 三.8 操作指南): one guide per role, in Chinese with English, as pages and PDFs.

`roles` holds each role's steps as data, `catalogue` the error codes read from the platform's source, and
`pdf` sets a guide as a PDF with the embedded font of the forms and certificates.
"""
